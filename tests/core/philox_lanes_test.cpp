// The lane-group Philox: Random123's known answer, the lane layout, and the AVX-512 and AVX2 paths
// (where this processor has them) giving the scalar path's bits for any key, counter and length.
#include "sim/core/philox_lanes.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

TEST(PhiloxLanes, CounterZeroKeyZeroIsRandom123sKnownAnswer) {
  std::vector<std::uint32_t> words(kPhiloxLaneWords);
  fill_philox_lanes(0, 0, 0, 0, 0, words);
  // Random123's kat_vectors, philox4x32 10 rounds, counter and key all zero; word i of counter 0
  // is at 8 i.
  EXPECT_EQ(words[0], 0x6627e8d5u);
  EXPECT_EQ(words[8], 0xe169c58du);
  EXPECT_EQ(words[16], 0xbc57ac4cu);
  EXPECT_EQ(words[24], 0x9b00dbd8u);
}

TEST(PhiloxLanes, VectorPathsGiveTheScalarPathsBits) {
  struct Case {
    std::uint64_t seed;
    std::uint32_t entity, day, purpose, first;
  };
  for (const Case& c : {Case{1, 0, 0, 0, 0}, Case{0xDEADBEEFCAFEF00DULL, 7, 364, 0x811C9DC5u, 12},
                        Case{42, 0xFFFFFFFFu, 1, 2, 0xFFFFFFF9u}}) {  // counters wrap inside a group
    for (std::size_t groups : {1, 3, 17}) {
      std::vector<std::uint32_t> slow(groups * kPhiloxLaneWords), fast(slow.size());
      fill_philox_lanes_with(PhiloxPath::scalar, c.seed, c.entity, c.day, c.purpose, c.first, slow);
      fill_philox_lanes(c.seed, c.entity, c.day, c.purpose, c.first, fast);
      EXPECT_EQ(fast, slow) << "seed " << c.seed << ", " << groups << " groups";
      for (PhiloxPath path : {PhiloxPath::avx2, PhiloxPath::avx512}) {
        if (!philox_path_available(path)) continue;
        fill_philox_lanes_with(path, c.seed, c.entity, c.day, c.purpose, c.first, fast);
        EXPECT_EQ(fast, slow) << "path " << static_cast<int>(path) << ", seed " << c.seed << ", " << groups << " groups";
      }
    }
  }
}

TEST(PhiloxLanes, ContinuingAtALaterCounterGivesTheSameWords) {
  std::vector<std::uint32_t> whole(4 * kPhiloxLaneWords), tail(2 * kPhiloxLaneWords);
  fill_philox_lanes(5, 3, 2, 1, 0, whole);
  fill_philox_lanes(5, 3, 2, 1, 16, tail);  // a lane group is 8 counters
  EXPECT_TRUE(std::equal(tail.begin(), tail.end(), whole.begin() + 2 * kPhiloxLaneWords));
}

TEST(PhiloxLanes, StreamsDifferByEveryAddressPart) {
  std::vector<std::uint32_t> base(kPhiloxLaneWords), other(kPhiloxLaneWords);
  fill_philox_lanes(1, 2, 3, 4, 0, base);
  for (int part = 0; part < 4; ++part) {
    fill_philox_lanes(part == 0 ? 1 + (1ULL << 32) : 1, part == 1 ? 9 : 2, part == 2 ? 9 : 3, part == 3 ? 9 : 4, 0,
                      other);
    EXPECT_NE(base, other) << "part " << part;
  }
}

TEST(PhiloxLanes, PartialLaneGroupsAreRefused) {
  std::vector<std::uint32_t> words(kPhiloxLaneWords + 4);
  EXPECT_THROW(fill_philox_lanes(1, 0, 0, 0, 0, words), Error);
}

}  // namespace
}  // namespace munisim
