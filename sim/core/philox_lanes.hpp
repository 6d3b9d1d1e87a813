// Philox4x32-10 words for a whole array at once: eight counters side by side in AVX-512 or AVX2
// lanes where the processor has them, Random123's scalar Philox4x32 otherwise. Integer arithmetic only, so
// every machine computes the same bits.
#pragma once

#include <cstdint>
#include <span>

namespace munisim {

// Words of a lane group: 8 counters x 4 words.
inline constexpr std::size_t kPhiloxLaneWords = 32;

// The stream (seed, entity, day, purpose) of Philox4x32-10: key = seed (low word first),
// counter j = (j, entity, day, purpose) for j = first_counter, first_counter + 1, ... Words are
// stored a lane group at a time: word i of counter first_counter + 8 g + l is
// out[32 g + 8 i + l]. out.size() must be a multiple of kPhiloxLaneWords; entity is 32-bit.
void fill_philox_lanes(std::uint64_t seed, std::uint32_t entity, std::uint32_t day, std::uint32_t purpose,
                       std::uint32_t first_counter, std::span<std::uint32_t> out);
// The ways to compute them, all giving the same bits.
enum class PhiloxPath { scalar, avx2, avx512 };
[[nodiscard]] bool philox_path_available(PhiloxPath path);
// The same words from one path, which the processor must have (for tests).
void fill_philox_lanes_with(PhiloxPath path, std::uint64_t seed, std::uint32_t entity, std::uint32_t day,
                            std::uint32_t purpose, std::uint32_t first_counter, std::span<std::uint32_t> out);

}  // namespace munisim
