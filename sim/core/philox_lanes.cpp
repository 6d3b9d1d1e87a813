// Philox4x32-10 a lane group at a time: AVX-512 or AVX2 intrinsics where the processor has them,
// Random123's scalar Philox4x32 otherwise (tests/core/philox_lanes_test.cpp holds the two to the same bits).
#include "sim/core/philox_lanes.hpp"

#include <Random123/philox.h>
#include <immintrin.h>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

constexpr std::size_t kLanes = 8;
// Random123's Philox4x32 multipliers and Weyl key increments, ten rounds.
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
constexpr unsigned kRounds = 10;

void fill_scalar(std::uint64_t seed, std::uint32_t entity, std::uint32_t day, std::uint32_t purpose,
                 std::uint32_t first_counter, std::uint32_t* out, std::size_t groups) {
  using Philox = r123::Philox4x32_R<kRounds>;
  const Philox::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  Philox philox;
  for (std::size_t group = 0; group < groups; ++group) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      const auto counter = first_counter + static_cast<std::uint32_t>(group * kLanes + l);
      const Philox::ctr_type words = philox({{counter, entity, day, purpose}}, key);
      for (std::size_t i = 0; i < 4; ++i) out[group * kPhiloxLaneWords + i * kLanes + l] = words.v[i];
    }
  }
}

// Each 32-bit word of the state lives in a 64-bit lane, so one vpmuludq multiplies four lanes
// with no shuffles; the products' upper halves left in the lanes never reach a result.
__attribute__((target("avx2"))) void fill_avx2(std::uint64_t seed, std::uint32_t entity, std::uint32_t day,
                                               std::uint32_t purpose, std::uint32_t first_counter,
                                               std::uint32_t* out, std::size_t groups) {
  const __m256i m0 = _mm256_set1_epi64x(kM0), m1 = _mm256_set1_epi64x(kM1);
  const __m256i w0 = _mm256_set1_epi64x(kW0), w1 = _mm256_set1_epi64x(kW1);
  const __m256i lows = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  const __m256i steps = _mm256_setr_epi64x(0, 1, 2, 3);
  for (std::size_t group = 0; group < groups; ++group) {
    const auto base = static_cast<std::int64_t>(first_counter + static_cast<std::uint32_t>(group * kLanes));
    __m256i c0[2] = {_mm256_add_epi64(_mm256_set1_epi64x(base), steps),
                     _mm256_add_epi64(_mm256_set1_epi64x(base + 4), steps)};
    __m256i c1[2] = {_mm256_set1_epi64x(entity), _mm256_set1_epi64x(entity)};
    __m256i c2[2] = {_mm256_set1_epi64x(day), _mm256_set1_epi64x(day)};
    __m256i c3[2] = {_mm256_set1_epi64x(purpose), _mm256_set1_epi64x(purpose)};
    __m256i k0 = _mm256_set1_epi64x(static_cast<std::uint32_t>(seed));
    __m256i k1 = _mm256_set1_epi64x(static_cast<std::int64_t>(seed >> 32));
    for (unsigned round = 0; round < kRounds; ++round) {
      for (int h = 0; h < 2; ++h) {
        const __m256i p0 = _mm256_mul_epu32(c0[h], m0);
        const __m256i p1 = _mm256_mul_epu32(c2[h], m1);
        c0[h] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c1[h]), k0);
        c1[h] = p1;
        c2[h] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c3[h]), k1);
        c3[h] = p0;
      }
      k0 = _mm256_add_epi32(k0, w0);  // the key's 32-bit words wrap in the lanes' low halves
      k1 = _mm256_add_epi32(k1, w1);
    }
    std::uint32_t* to = out + group * kPhiloxLaneWords;
    const __m256i* state[4] = {c0, c1, c2, c3};
    for (std::size_t i = 0; i < 4; ++i) {
      const __m256i first = _mm256_permutevar8x32_epi32(state[i][0], lows);
      const __m256i second = _mm256_permutevar8x32_epi32(state[i][1], lows);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + i * kLanes),
                          _mm256_permute2x128_si256(first, second, 0x20));
    }
  }
}

// GCC 12's AVX-512 intrinsics pass an undefined vector as the unused mask source, which it then
// reports as maybe uninitialized (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// Eight counters to a register: each 32-bit word of the state sits in a 64-bit lane of a 512-bit
// register, and one ternary logic instruction does a round's two exclusive ors.
__attribute__((target("avx512f"))) void fill_avx512(std::uint64_t seed, std::uint32_t entity, std::uint32_t day,
                                                   std::uint32_t purpose, std::uint32_t first_counter,
                                                   std::uint32_t* out, std::size_t groups) {
  const __m512i m0 = _mm512_set1_epi64(kM0), m1 = _mm512_set1_epi64(kM1);
  __m512i k0[kRounds], k1[kRounds];
  std::uint32_t key0 = static_cast<std::uint32_t>(seed), key1 = static_cast<std::uint32_t>(seed >> 32);
  for (unsigned round = 0; round < kRounds; ++round, key0 += kW0, key1 += kW1) {
    k0[round] = _mm512_set1_epi64(key0);
    k1[round] = _mm512_set1_epi64(key1);
  }
  const __m512i steps = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7);
  const __m512i c1_start = _mm512_set1_epi64(entity), c2_start = _mm512_set1_epi64(day);
  const __m512i c3_start = _mm512_set1_epi64(purpose);
  for (std::size_t group = 0; group < groups; ++group) {
    const auto base = static_cast<std::int64_t>(first_counter + static_cast<std::uint32_t>(group * kLanes));
    __m512i c0 = _mm512_add_epi64(_mm512_set1_epi64(base), steps);
    __m512i c1 = c1_start, c2 = c2_start, c3 = c3_start;
    for (unsigned round = 0; round < kRounds; ++round) {
      const __m512i p0 = _mm512_mul_epu32(c0, m0);
      const __m512i p1 = _mm512_mul_epu32(c2, m1);
      c0 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), c1, k0[round], 0x96);
      c1 = p1;
      c2 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), c3, k1[round], 0x96);
      c3 = p0;
    }
    std::uint32_t* to = out + group * kPhiloxLaneWords;
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to), _mm512_cvtepi64_epi32(c0));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + kLanes), _mm512_cvtepi64_epi32(c1));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + 2 * kLanes), _mm512_cvtepi64_epi32(c2));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + 3 * kLanes), _mm512_cvtepi64_epi32(c3));
  }
}
#pragma GCC diagnostic pop

}  // namespace

bool philox_path_available(PhiloxPath path) {
  switch (path) {
    case PhiloxPath::avx512:
      return __builtin_cpu_supports("avx512f") != 0;
    case PhiloxPath::avx2:
      return __builtin_cpu_supports("avx2") != 0;
    case PhiloxPath::scalar:
      return true;
  }
  return false;
}

void fill_philox_lanes_with(PhiloxPath path, std::uint64_t seed, std::uint32_t entity, std::uint32_t day,
                            std::uint32_t purpose, std::uint32_t first_counter, std::span<std::uint32_t> out) {
  if (out.size() % kPhiloxLaneWords != 0) throw Error("fill_philox_lanes: the output holds whole lane groups");
  const std::size_t groups = out.size() / kPhiloxLaneWords;
  switch (path) {
    case PhiloxPath::avx512:
      fill_avx512(seed, entity, day, purpose, first_counter, out.data(), groups);
      return;
    case PhiloxPath::avx2:
      fill_avx2(seed, entity, day, purpose, first_counter, out.data(), groups);
      return;
    case PhiloxPath::scalar:
      fill_scalar(seed, entity, day, purpose, first_counter, out.data(), groups);
      return;
  }
}

void fill_philox_lanes(std::uint64_t seed, std::uint32_t entity, std::uint32_t day, std::uint32_t purpose,
                       std::uint32_t first_counter, std::span<std::uint32_t> out) {
  static const PhiloxPath fastest = philox_path_available(PhiloxPath::avx512) ? PhiloxPath::avx512
                                    : philox_path_available(PhiloxPath::avx2) ? PhiloxPath::avx2
                                                                               : PhiloxPath::scalar;
  fill_philox_lanes_with(fastest, seed, entity, day, purpose, first_counter, out);
}

}  // namespace munisim
