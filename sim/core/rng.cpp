// Philox streams: the stream itself, continuous draws, categorical choice and block fills.
#include "sim/core/rng.hpp"

#include <cmath>
#include <numbers>

#include "sim/core/error.hpp"

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

void fill_words(std::uint64_t seed, std::uint64_t entity, std::uint32_t day, std::uint32_t purpose,
                std::uint64_t first_block, std::span<std::uint64_t> out) {
  if (out.size() % 4 != 0) throw Error("fill_words: the output holds whole blocks of 4 words");
  const Philox::key_type key = make_key(seed, day, purpose);
  Philox philox;
  for (std::size_t block = 0; block < out.size() / 4; ++block) {
    const auto words = philox({{entity, first_block + block, 0, 0}}, key);
    for (std::size_t i = 0; i < 4; ++i) out[4 * block + i] = words.v[i];
  }
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
