// Fleet allocation by demand on two lines and two periods, computed by hand: each period runs the
// vehicles it needs up to the fleet, split in proportion to need with the minimum held; totals conserved.
#include <gtest/gtest.h>

#include <vector>

#include "sim/mobility/fleet_allocation.hpp"

namespace munisim {
namespace {

constexpr std::size_t kPeriods = 2;
// [line * 2 + period]: line A needs 9 vehicles in period 0 and 3 in period 1; line B 1 and 1.5.
const std::vector<double> kNeed = {9, 3, 1, 1.5};
const std::vector<char> kBothRun = {1, 1, 1, 1};

TEST(FleetAllocation, ProportionalToNeedWithTheMinimumHeld) {
  const std::vector<double> vehicles = allocate_fleet(kNeed, kBothRun, kPeriods, 8, 2);
  // Period 0 needs 10 > 8: the whole fleet runs. In proportion A 7.2, B 0.8 < 2: B is held at 2, A
  // gets the other 6.
  EXPECT_DOUBLE_EQ(vehicles[0], 6);
  EXPECT_DOUBLE_EQ(vehicles[2], 2);
  // Period 1 needs 4.5 < 8: 4.5 vehicles run. In proportion A 3, B 1.5 < 2: B 2, A 2.5.
  EXPECT_DOUBLE_EQ(vehicles[1], 2.5);
  EXPECT_DOUBLE_EQ(vehicles[3], 2);
}

TEST(FleetAllocation, PlainProportionWhenTheMinimumDoesNotBind) {
  const std::vector<double> vehicles = allocate_fleet(kNeed, kBothRun, kPeriods, 8, 0.5);
  EXPECT_DOUBLE_EQ(vehicles[0], 7.2);
  EXPECT_DOUBLE_EQ(vehicles[2], 0.8);
  EXPECT_DOUBLE_EQ(vehicles[0] + vehicles[2], 8);  // the fleet, conserved
  EXPECT_DOUBLE_EQ(vehicles[1], 3);
  EXPECT_DOUBLE_EQ(vehicles[3], 1.5);
}

TEST(FleetAllocation, AFleetLargerThanTheNeedRunsOnlyWhatIsNeeded) {
  const std::vector<double> vehicles = allocate_fleet(kNeed, kBothRun, kPeriods, 100, 0.5);
  EXPECT_DOUBLE_EQ(vehicles[0], 9);
  EXPECT_DOUBLE_EQ(vehicles[2], 1);
}

TEST(FleetAllocation, EveryRunningLineGetsTheMinimumWhenTheFleetIsShort) {
  const std::vector<double> vehicles = allocate_fleet(kNeed, kBothRun, kPeriods, 3, 2);
  for (double v : vehicles) EXPECT_DOUBLE_EQ(v, 2);
}

TEST(FleetAllocation, ALineThatDoesNotRunGetsNothingAndTheOtherTheRest) {
  const std::vector<char> running = {1, 1, 0, 1};  // B does not run in period 0
  const std::vector<double> vehicles = allocate_fleet(kNeed, running, kPeriods, 8, 2);
  EXPECT_DOUBLE_EQ(vehicles[0], 8);
  EXPECT_DOUBLE_EQ(vehicles[2], 0);
  EXPECT_DOUBLE_EQ(vehicles[1], 2.5);
  EXPECT_DOUBLE_EQ(vehicles[3], 2);
}

TEST(FleetAllocation, WithoutAnyNeedTheWholeFleetRunsEvenly) {
  const std::vector<double> vehicles = allocate_fleet({0, 0, 0, 0}, kBothRun, kPeriods, 10, 1);
  for (double v : vehicles) EXPECT_DOUBLE_EQ(v, 5);
}

}  // namespace
}  // namespace munisim
