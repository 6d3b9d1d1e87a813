// Counter-based random streams (Philox4x64-10 from Random123). A stream is addressed by
// (seed, entity, day, purpose) and its draws are numbered inside it, so a draw never depends on
// which thread handles which agent or in which order entities are visited.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace munisim {

// A stable 32-bit tag for a named use of randomness ("waste.generation"), so different uses of
// the same entity and day draw from independent streams. FNV-1a, fixed forever.
constexpr std::uint32_t stream_purpose(std::string_view name) {
  std::uint32_t hash = 2166136261u;
  for (char c : name) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 16777619u;
  }
  return hash;
}

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t entity, std::uint32_t day, std::uint32_t purpose);

  std::uint64_t next_u64();
  double uniform();  // [0, 1) with 53 random bits
  bool bernoulli(double p) { return uniform() < p; }
  double normal(double mean, double sd);      // Box-Muller, two uniforms per draw
  double lognormal(double mu, double sigma);  // exp(normal(mu, sigma))
  // Exact. Means below 10: inversion searched outward from the mode (one uniform); larger means:
  // Hörmann's PTRS transformed rejection (about 2.2 uniforms). Throws Error unless mean <= 2e9.
  std::uint32_t poisson(double mean);
  // Exact. Works on the smaller of p and 1 - p; n p below 10: inversion outward from the mode
  // (one uniform); larger: Hörmann's BTRD transformed rejection. Throws Error unless p in [0, 1].
  std::uint32_t binomial(std::uint32_t n, double p);
  std::size_t categorical(std::span<const double> weights);  // weights >= 0, need not sum to 1

 private:
  using Philox = r123::Philox4x64;
  Philox::key_type key_;
  Philox::ctr_type counter_;
  Philox::ctr_type block_;
  unsigned used_ = 4;  // words of block_ already handed out
};

// The raw 64-bit words of the stream (seed, entity, day, purpose) from its word 4 x first_block
// on: the words next_u64() would give, computed in one loop of independent Philox blocks (several
// in flight at once). out.size() must be a multiple of 4.
void fill_words(std::uint64_t seed, std::uint64_t entity, std::uint32_t day, std::uint32_t purpose,
                std::uint64_t first_block, std::span<std::uint64_t> out);
// out[i] = the first uniform() of the stream (seed, first_entity + i, day, purpose).
void fill_uniform(std::uint64_t seed, std::uint64_t first_entity, std::uint32_t day, std::uint32_t purpose,
                  std::span<double> out);
// out[i] = the first normal(0, 1) of the stream (seed, first_entity + i, day, purpose).
void fill_normal(std::uint64_t seed, std::uint64_t first_entity, std::uint32_t day, std::uint32_t purpose,
                 std::span<double> out);

}  // namespace munisim
