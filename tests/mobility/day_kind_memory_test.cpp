// What riders and the fleet allocation expect of a day, computed by hand: days of a kind are
// averaged apart, a Monday expects the last weekday (not the Sunday before), a kind never seen
// expects the latest day, and at share 1 without kinds the memory is exactly the day before.
#include <gtest/gtest.h>

#include <vector>

#include "sim/mobility/day_kind_memory.hpp"

namespace munisim::mobility_detail {
namespace {

constexpr std::size_t kMonday = 0, kFriday = 4, kSaturday = 5, kSunday = 6;

std::vector<double> expected(const DayKindMemory& memory, std::size_t weekday) {
  const auto cells = memory.expected(weekday);
  return {cells.begin(), cells.end()};
}

TEST(DayKindMemory, KindsOfDay) {
  EXPECT_EQ(day_kind(kMonday), 0U);
  EXPECT_EQ(day_kind(kFriday), 0U);
  EXPECT_EQ(day_kind(kSaturday), 1U);
  EXPECT_EQ(day_kind(kSunday), 2U);
}

TEST(DayKindMemory, AMondayExpectsTheLastWeekdayNotTheSunday) {
  DayKindMemory memory(2, true);
  memory.remember(kFriday, {10, 20}, 1);
  memory.remember(kSaturday, {4, 5}, 1);
  memory.remember(kSunday, {1, 2}, 1);
  EXPECT_EQ(expected(memory, kMonday), (std::vector<double>{10, 20}));
  EXPECT_EQ(expected(memory, kSaturday), (std::vector<double>{4, 5}));
  EXPECT_EQ(expected(memory, kSunday), (std::vector<double>{1, 2}));
}

TEST(DayKindMemory, DaysOfAKindAreAveragedWithTheShare) {
  DayKindMemory memory(1, true);
  memory.remember(kMonday, {8}, 0.5);  // the first day of a kind is taken whole
  memory.remember(kSaturday, {100}, 0.5);
  memory.remember(kMonday + 1, {4}, 0.5);  // 8 + 0.5 (4 - 8) = 6
  EXPECT_DOUBLE_EQ(expected(memory, kFriday)[0], 6);
  EXPECT_DOUBLE_EQ(expected(memory, kSaturday)[0], 100);
}

TEST(DayKindMemory, AKindNeverSeenExpectsTheLatestDay) {
  DayKindMemory memory(1, true);
  EXPECT_DOUBLE_EQ(expected(memory, kMonday)[0], 0);
  memory.remember(kMonday, {3}, 1);
  memory.remember(kMonday + 1, {7}, 1);
  EXPECT_DOUBLE_EQ(expected(memory, kSaturday)[0], 7);
}

TEST(DayKindMemory, WithoutKindsAtShareOneTomorrowExpectsExactlyToday) {
  DayKindMemory memory(2, false);
  memory.remember(kFriday, {10, 20}, 1);
  memory.remember(kSunday, {0.1, 0.7}, 1);
  EXPECT_EQ(expected(memory, kMonday), (std::vector<double>{0.1, 0.7}));
}

TEST(DayKindMemory, MsaStepsShrinkAsOneOverNDownToTheirFloor) {
  DayKindMemory msa(1, false, true);
  EXPECT_DOUBLE_EQ(msa.step(1, 0.1), 1.0);
  EXPECT_DOUBLE_EQ(msa.step(4, 0.1), 0.25);
  EXPECT_DOUBLE_EQ(msa.step(10, 0.1), 0.1);
  EXPECT_DOUBLE_EQ(msa.step(50, 0.1), 0.1);  // the floor
  DayKindMemory constant(1, false);
  EXPECT_DOUBLE_EQ(constant.step(4, 0.1), 0.1);
}

TEST(DayKindMemory, MsaRemembersTheMeanOfTheDaysUntilTheFloorThenBlendsAtIt) {
  // Floor 0.25: steps 1, 1/2, 1/3, 1/4 give the mean of the first four days, 5; the fifth weighs
  // the floor (above 1/5): 5 + 0.25 (15 - 5).
  DayKindMemory memory(1, false, true);
  const std::vector<double> days = {2, 4, 6, 8};
  for (double value : days) memory.remember(kMonday, {value}, 0.25);
  EXPECT_DOUBLE_EQ(expected(memory, kMonday)[0], 5.0);
  memory.remember(kMonday, {15}, 0.25);
  EXPECT_DOUBLE_EQ(expected(memory, kMonday)[0], 5 + 0.25 * (15 - 5));
  DayKindMemory floor(1, false, true);
  for (double value : days) floor.remember(kMonday, {value}, 0.3);
  // 2, then 3 (1/2), then 4 (1/3), then 4 + 0.3 (8 - 4) = 5.2 (the floor 0.3 above 1/4).
  EXPECT_DOUBLE_EQ(expected(floor, kMonday)[0], 5.2);
}

TEST(DayKindMemory, MsaCountsTheDaysOfEachKindApart) {
  DayKindMemory memory(1, true, true);
  memory.remember(kMonday, {10}, 0.05);
  memory.remember(kSaturday, {100}, 0.05);  // the first Saturday: taken whole
  memory.remember(kMonday + 1, {20}, 0.05);  // the second weekday: step 1/2
  EXPECT_DOUBLE_EQ(expected(memory, kFriday)[0], 15.0);
  EXPECT_DOUBLE_EQ(expected(memory, kSaturday)[0], 100.0);
}

}  // namespace
}  // namespace munisim::mobility_detail
