// Separation reviews drawn a block at a time: the share of households deciding to separate is the
// model's chance within sampling error, every review_days-th household reconsiders, and the
// decisions of a block do not depend on which other blocks are reviewed or in what order.
#include "sim/waste/separation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

constexpr std::size_t kBlocks = 8;
constexpr std::size_t kHouseholds = kBlocks * kBlockSize - 100;  // a short last block

Parallelism& one_thread() {
  static Parallelism parallel(1);
  return parallel;
}

SeparationConfig every_day_same_attitude() {
  SeparationConfig config;
  config.attitude_spread = 0;  // every attitude at the mean: one chance for all
  config.review_days = 1;
  config.intercept = -3;  // a chance of about 0.14
  return config;
}

// The chance of separating with no programme and no separating neighbours (norm 0).
double model_chance(const SeparationConfig& c) {
  const double drive = c.weight_attitude * c.attitude_mean + c.weight_convenience * c.convenience_without_programme;
  return 1 / (1 + std::exp(-(c.intercept + c.scale * drive)));
}

void review_all(SeparationBehaviour& behaviour, const std::vector<std::uint32_t>& district, int day, bool reversed) {
  for (std::size_t i = 0; i < kBlocks; ++i) {
    const std::size_t block = reversed ? kBlocks - 1 - i : i;
    const std::size_t begin = block * kBlockSize;
    behaviour.review(begin, std::min(kHouseholds, begin + kBlockSize), district, day, 5);
  }
}

TEST(SeparationReview, ShareSeparatingIsTheModelsChanceWithinSamplingError) {
  const SeparationConfig config = every_day_same_attitude();
  const std::vector<std::uint32_t> district(kHouseholds, 0);
  SeparationBehaviour behaviour(config, kHouseholds, 1, 5, one_thread());
  const double p = model_chance(config);
  ASSERT_GT(p, 0.05);  // the check below has power
  double separating = 0;
  constexpr int kDays = 10;
  for (int day = 0; day < kDays; ++day) {
    review_all(behaviour, district, day, false);
    for (std::size_t h = 0; h < kHouseholds; ++h) separating += behaviour.separates(h) ? 1 : 0;
  }
  const double n = static_cast<double>(kHouseholds) * kDays;
  EXPECT_NEAR(separating / n, p, 5 * std::sqrt(p * (1 - p) / n));
}

TEST(SeparationReview, OnlyTodaysHouseholdsReconsider) {
  SeparationConfig config = every_day_same_attitude();
  config.intercept = 50;  // whoever reconsiders separates
  config.review_days = 7;
  const std::vector<std::uint32_t> district(kHouseholds, 0);
  SeparationBehaviour behaviour(config, kHouseholds, 1, 5, one_thread());
  review_all(behaviour, district, 3, false);
  for (std::size_t h = 0; h < kHouseholds; ++h) EXPECT_EQ(behaviour.separates(h), h % 7 == 3) << h;
}

TEST(SeparationReview, DecisionsDoNotDependOnTheOrderOfBlocks) {
  SeparationConfig config = every_day_same_attitude();
  config.attitude_spread = 1.0;
  const std::vector<std::uint32_t> district(kHouseholds, 0);
  SeparationBehaviour forward(config, kHouseholds, 1, 5, one_thread()), backward(config, kHouseholds, 1, 5, one_thread());
  review_all(forward, district, 4, false);
  review_all(backward, district, 4, true);
  std::size_t differ = 0, separating = 0;
  for (std::size_t h = 0; h < kHouseholds; ++h) {
    differ += forward.separates(h) != backward.separates(h) ? 1 : 0;
    separating += forward.separates(h) ? 1 : 0;
  }
  EXPECT_EQ(differ, 0u);
  EXPECT_GT(separating, 0u);
}

TEST(SeparationReview, ARangeOtherThanAnEngineBlockIsRefused) {
  const SeparationConfig config = every_day_same_attitude();
  const std::vector<std::uint32_t> district(kHouseholds, 0);
  SeparationBehaviour behaviour(config, kHouseholds, 1, 5, one_thread());
  EXPECT_THROW(behaviour.review(10, 100, district, 0, 5), Error);
  EXPECT_THROW(behaviour.review(0, 2 * kBlockSize, district, 0, 5), Error);
}

}  // namespace
}  // namespace munisim
