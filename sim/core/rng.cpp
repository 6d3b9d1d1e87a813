#include "sim/core/rng.hpp"

#include <cmath>
#include <numbers>

namespace munisim {
namespace {

using Philox = r123::Philox4x64;

Philox::key_type make_key(std::uint64_t seed, std::uint32_t day, std::uint32_t purpose) {
  return {{seed, (std::uint64_t{purpose} << 32) | day}};
}

double to_unit(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// Box-Muller on two uniforms; 1 - u keeps the logarithm's argument in (0, 1].
double box_muller(double u1, double u2) {
  return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// Inversion of a unimodal discrete distribution, visiting k = mode, mode+1, mode-1, mode+2, ...
// and accumulating probabilities until they pass u. `up(k, p)` gives P(k+1) from P(k), `down` P(k-1).
// Expected steps grow with the standard deviation, not the mean, so large means stay cheap.
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

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t entity, std::uint32_t day, std::uint32_t purpose)
    : key_(make_key(seed, day, purpose)), counter_{{entity, 0, 0, 0}}, block_{} {}

std::uint64_t RandomStream::next_u64() {
  if (used_ == 4) {
    block_ = Philox()(counter_, key_);
    ++counter_.v[1];
    used_ = 0;
  }
  return block_.v[used_++];
}

double RandomStream::uniform() { return to_unit(next_u64()); }

double RandomStream::normal(double mean, double sd) {
  const double u1 = uniform();
  const double u2 = uniform();
  return mean + sd * box_muller(u1, u2);
}

double RandomStream::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

std::uint32_t RandomStream::poisson(double mean) {
  if (mean <= 0) return 0;
  const auto mode = static_cast<std::uint32_t>(std::floor(mean));
  const double p_mode = std::exp(-mean + mode * std::log(mean) - std::lgamma(mode + 1.0));
  const std::uint32_t max_k = mode + 40 + static_cast<std::uint32_t>(40 * std::sqrt(mean));
  return invert_from_mode(
      uniform(), mode, p_mode, max_k, [mean](std::uint32_t k, double p) { return p * mean / (k + 1.0); },
      [mean](std::uint32_t k, double p) { return p * k / mean; });
}

std::uint32_t RandomStream::binomial(std::uint32_t n, double p) {
  if (n == 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double q = 1 - p;
  const auto mode = static_cast<std::uint32_t>(std::min<double>(n, std::floor((n + 1) * p)));
  const double p_mode = std::exp(std::lgamma(n + 1.0) - std::lgamma(mode + 1.0) - std::lgamma(n - mode + 1.0) +
                                 mode * std::log(p) + (n - mode) * std::log(q));
  const double odds = p / q;
  return invert_from_mode(
      uniform(), mode, p_mode, n, [n, odds](std::uint32_t k, double pk) { return pk * (n - k) / (k + 1.0) * odds; },
      [n, odds](std::uint32_t k, double pk) { return pk * k / ((n - k + 1.0) * odds); });
}

std::size_t RandomStream::categorical(std::span<const double> weights) {
  double total = 0;
  for (double weight : weights) total += weight;
  double target = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding left the target at the very end: the last category with positive weight.
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

void fill_uniform(std::uint64_t seed, std::uint64_t first_entity, std::uint32_t day, std::uint32_t purpose,
                  std::span<double> out) {
  const Philox::key_type key = make_key(seed, day, purpose);
  Philox philox;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = to_unit(philox({{first_entity + i, 0, 0, 0}}, key).v[0]);
  }
}

void fill_normal(std::uint64_t seed, std::uint64_t first_entity, std::uint32_t day, std::uint32_t purpose,
                 std::span<double> out) {
  const Philox::key_type key = make_key(seed, day, purpose);
  Philox philox;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto block = philox({{first_entity + i, 0, 0, 0}}, key);
    out[i] = box_muller(to_unit(block.v[0]), to_unit(block.v[1]));
  }
}

}  // namespace munisim
