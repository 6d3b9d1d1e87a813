#include "sim/core/vector_draws.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/philox_lanes.hpp"

namespace munisim {
namespace {

constexpr std::size_t kHalf = kBlockSize / 2;

// A uniform in [0, 1) from the top 52 bits of a word, through the bits of a double in [1, 2):
// integer-to-double conversion has no vector instruction before AVX-512.
double unit_from_bits(std::uint64_t word) {
  const std::uint64_t bits = 0x3FF0000000000000ULL | (word >> 12);
  double one_to_two = 0;
  std::memcpy(&one_to_two, &bits, sizeof bits);
  return one_to_two - 1.0;
}

// Box-Muller pairs as lognormal factors, the cosine normal's and the sine normal's. Kept out of
// line and fed finished angles: GCC 12 vectorises this loop only so.
__attribute__((noinline)) void lognormal_pairs(const double* radius_uniform, const double* angle, std::size_t pairs,
                                               double mu, double sigma, double* cosine_factor, double* sine_factor) {
#pragma omp simd
  for (std::size_t p = 0; p < pairs; ++p) {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - radius_uniform[p]));
    cosine_factor[p] = std::exp(mu + sigma * radius * std::cos(angle[p]));
    sine_factor[p] = std::exp(mu + sigma * radius * std::sin(angle[p]));
  }
}

}  // namespace

void fill_lognormal_block(std::uint64_t seed, std::uint64_t first, std::uint32_t day, std::uint32_t purpose,
                          double mu, double sigma, std::span<double> out) {
  if (first % kBlockSize != 0 || out.size() > kBlockSize) {
    throw Error("fill_lognormal_block: a block starts at a multiple of kBlockSize and holds at most kBlockSize");
  }
  // Pair p gives agent p its cosine normal and agent kHalf + p its sine normal.
  const std::size_t pairs = std::min(out.size(), kHalf);
  // Two 32-bit words make a uniform's 64 bits: four words a pair.
  alignas(64) std::uint32_t words[2 * kBlockSize];
  const std::size_t filled = (4 * pairs + kPhiloxLaneWords - 1) / kPhiloxLaneWords * kPhiloxLaneWords;
  fill_philox_lanes(seed, static_cast<std::uint32_t>(first / kBlockSize), day, purpose, 0,
                    std::span<std::uint32_t>(words, filled));
  const auto word64 = [&](std::size_t i) { return std::uint64_t{words[2 * i]} | std::uint64_t{words[2 * i + 1]} << 32; };
  alignas(64) double radius_uniform[kHalf] = {}, angle[kHalf] = {}, factors[kBlockSize];
  for (std::size_t p = 0; p < pairs; ++p) {
    radius_uniform[p] = unit_from_bits(word64(2 * p));
    angle[p] = 2 * std::numbers::pi * unit_from_bits(word64(2 * p + 1));
  }
  lognormal_pairs(radius_uniform, angle, pairs, mu, sigma, factors, factors + kHalf);
  std::copy_n(factors, pairs, out.begin());
  if (out.size() > kHalf) std::copy_n(factors + kHalf, out.size() - kHalf, out.begin() + kHalf);
}

void fill_logistic(std::span<const double> logit, std::span<double> chance) {
  if (logit.size() != chance.size()) throw Error("fill_logistic: the spans differ in size");
  const double* x = logit.data();
  double* p = chance.data();
#pragma omp simd
  for (std::size_t i = 0; i < logit.size(); ++i) p[i] = 1.0 / (1.0 + std::exp(-x[i]));
}

}  // namespace munisim
