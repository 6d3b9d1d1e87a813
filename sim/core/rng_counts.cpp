// Exact Poisson and binomial draws: inversion for small means, Hörmann's transformed rejection
// (PTRS, BTRD) for large ones, so a draw costs O(1) whatever the mean.
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

#include "sim/core/error.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

// Below this mean, inversion takes a handful of steps and beats rejection's setup; Hörmann's
// constants for PTRS and BTRD are tuned for means from 10 up.
constexpr double kRejectionFromMean = 10;

// log(k!) minus its Stirling approximation (k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2. Exact
// sums for small k, where the asymptotic series is poor; beyond, four series terms leave an error
// below 1e-16. Computed here rather than with lgamma, which writes the global signgam and so is
// not safe to call from parallel loops.
double stirling_tail(std::int64_t k) {
  constexpr std::int64_t kExactBelow = 32;
  const double half_log_two_pi = 0.5 * std::log(2 * std::numbers::pi);
  auto stirling = [&](double x) { return (x + 0.5) * std::log(x + 1) - (x + 1) + half_log_two_pi; };
  static const std::array<double, kExactBelow> exact = [&] {
    std::array<double, kExactBelow> tails{};
    double factorial = 1;  // exact in double up to 22!, then within one rounding per factor
    for (std::int64_t i = 0; i < kExactBelow; ++i) {
      if (i > 0) factorial *= static_cast<double>(i);
      tails[static_cast<std::size_t>(i)] = std::log(factorial) - stirling(static_cast<double>(i));
    }
    return tails;
  }();
  if (k < kExactBelow) return exact[static_cast<std::size_t>(k)];
  const double inverse = 1.0 / (static_cast<double>(k) + 1);
  const double inverse2 = inverse * inverse;
  return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - inverse2 / 1680) * inverse2) * inverse2) * inverse;
}

double log_factorial(std::int64_t k) {
  const double x = static_cast<double>(k);
  return (x + 0.5) * std::log(x + 1) - (x + 1) + 0.5 * std::log(2 * std::numbers::pi) + stirling_tail(k);
}

// Inversion of a unimodal discrete distribution, visiting k = mode, mode+1, mode-1, mode+2, ...
// and accumulating probabilities until they pass u. `up(k, p)` gives P(k+1) from P(k), `down` P(k-1).
template <class Up, class Down>
std::uint32_t invert_from_mode(double u, std::uint32_t mode, double p_mode, std::uint32_t max_k, Up up, Down down) {
  double cumulative = p_mode;
  if (u < cumulative) return mode;
  std::uint32_t high = mode;
  std::uint32_t low = mode;
  double p_high = p_mode;
  double p_low = p_mode;
  while (high < max_k || low > 0) {
    if (high < max_k) {
      p_high = up(high, p_high);
      ++high;
      cumulative += p_high;
      if (u < cumulative) return high;
    }
    if (low > 0) {
      p_low = down(low, p_low);
      --low;
      cumulative += p_low;
      if (u < cumulative) return low;
    }
    if (p_high < 1e-300 && p_low < 1e-300) break;  // the rest of the mass is below rounding
  }
  return mode;
}

// PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random variables",
// Insurance: Mathematics and Economics 12 (1993) 39-45. Exact; about 1.1 loops per draw.
std::uint32_t poisson_ptrs(RandomStream& stream, double mean) {
  const double log_mean = std::log(mean);
  const double b = 0.931 + 2.53 * std::sqrt(mean);
  const double a = -0.059 + 0.02483 * b;
  const double log_inverse_alpha = std::log(1.1239 + 1.1328 / (b - 3.4));
  const double v_r = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const double u = stream.uniform() - 0.5;
    const double v = stream.uniform();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint32_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + log_inverse_alpha - std::log(a / (us * us) + b) <=
        -mean + k * log_mean - log_factorial(static_cast<std::int64_t>(k))) {
      return static_cast<std::uint32_t>(k);
    }
  }
}

// BTRD for p <= 1/2 and n p >= 10: W. Hörmann, "The generation of binomial random variates",
// J. Statist. Comput. Simul. 46 (1993) 101-110. Exact; about 1.15 loops per draw.
std::uint32_t binomial_btrd(RandomStream& stream, std::uint32_t n, double p) {
  const auto trials = static_cast<std::int64_t>(n);
  const double q = 1 - p;
  const auto m = static_cast<std::int64_t>(std::floor((n + 1.0) * p));
  const double r = p / q;
  const double nr = (n + 1.0) * r;
  const double npq = n * p * q;
  const double sqrt_npq = std::sqrt(npq);
  const double b = 1.15 + 2.53 * sqrt_npq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5;
  const double alpha = (2.83 + 5.1 / b) * sqrt_npq;
  const double v_r = 0.92 - 4.2 / b;
  const double u_rv_r = 0.86 * v_r;
  while (true) {
    double v = stream.uniform();
    double u;
    if (v <= u_rv_r) {  // inside the table-mountain's centre: accept at once
      u = v / v_r - 0.43;
      return static_cast<std::uint32_t>(std::floor((2 * a / (0.5 - std::abs(u)) + b) * u + c));
    }
    if (v >= v_r) {
      u = stream.uniform() - 0.5;
    } else {
      u = v / v_r - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = stream.uniform() * v_r;
    }
    const double us = 0.5 - std::abs(u);
    const auto k = static_cast<std::int64_t>(std::floor((2 * a / us + b) * u + c));
    if (k < 0 || k > trials) continue;
    v = v * alpha / (a / (us * us) + b);
    const std::int64_t km = std::abs(k - m);
    if (km <= 15) {  // near the mode: the ratio P(k)/P(m) by recursion
      double f = 1;
      for (std::int64_t i = m + 1; i <= k; ++i) f *= nr / static_cast<double>(i) - r;
      for (std::int64_t i = k + 1; i <= m; ++i) v *= nr / static_cast<double>(i) - r;
      if (v <= f) return static_cast<std::uint32_t>(k);
      continue;
    }
    // Squeeze on log(P(k)/P(m)), then the exact test through Stirling tails.
    const double log_v = std::log(v);
    const auto kmd = static_cast<double>(km);
    const double rho = (kmd / npq) * (((kmd / 3 + 0.625) * kmd + 1.0 / 6) / npq + 0.5);
    const double t = -kmd * kmd / (2 * npq);
    if (log_v < t - rho) return static_cast<std::uint32_t>(k);
    if (log_v > t + rho) continue;
    const auto nm = static_cast<double>(trials - m + 1);
    const auto nk = static_cast<double>(trials - k + 1);
    const auto md = static_cast<double>(m);
    const auto kd = static_cast<double>(k);
    const double h = (md + 0.5) * std::log((md + 1) / (r * nm)) + stirling_tail(m) + stirling_tail(trials - m);
    if (log_v <= h + (n + 1.0) * std::log(nm / nk) + (kd + 0.5) * std::log(nk * r / (kd + 1)) - stirling_tail(k) -
                     stirling_tail(trials - k)) {
      return static_cast<std::uint32_t>(k);
    }
  }
}

}  // namespace

std::uint32_t RandomStream::poisson(double mean) {
  // Larger means would overflow the count's type within a few standard deviations.
  if (!(mean <= 2e9)) throw Error("poisson mean must be a number below 2e9, got " + std::to_string(mean));
  if (mean <= 0) return 0;
  if (mean >= kRejectionFromMean) return poisson_ptrs(*this, mean);
  const auto mode = static_cast<std::uint32_t>(mean);
  const double p_mode = std::exp(-mean + mode * std::log(mean) - log_factorial(mode));
  const std::uint32_t max_k = mode + 60;  // P(k > mode + 60) < 1e-40 for means below 10
  return invert_from_mode(
      uniform(), mode, p_mode, max_k, [mean](std::uint32_t k, double p) { return p * mean / (k + 1.0); },
      [mean](std::uint32_t k, double p) { return p * k / mean; });
}

std::uint32_t RandomStream::binomial(std::uint32_t n, double p) {
  if (!(p >= 0 && p <= 1)) throw Error("binomial p must be in [0, 1], got " + std::to_string(p));
  if (p > 0.5) return n - binomial(n, 1 - p);  // both methods want the smaller tail
  if (n == 0 || p == 0) return 0;
  if (n * p >= kRejectionFromMean) return binomial_btrd(*this, n, p);
  const auto mode = static_cast<std::uint32_t>(std::floor((n + 1.0) * p));  // <= 10 here
  double log_choose = 0;
  for (std::uint32_t i = 0; i < mode; ++i) log_choose += std::log((n - i) / (i + 1.0));
  const double p_mode = std::exp(log_choose + mode * std::log(p) + (n - mode) * std::log1p(-p));
  const double odds = p / (1 - p);
  return invert_from_mode(
      uniform(), mode, p_mode, n, [n, odds](std::uint32_t k, double pk) { return pk * (n - k) / (k + 1.0) * odds; },
      [n, odds](std::uint32_t k, double pk) { return pk * k / ((n - k + 1.0) * odds); });
}

}  // namespace munisim
