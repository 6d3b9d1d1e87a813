// Scheduled runs of a hand-built line: departures from its headways, times along its edges from
// its run time, loads from its hourly load.
#include "sim/mobility/transit_runs.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace munisim {
namespace {

RouteLine hand_built_line() {
  RouteLine line{.name = "A"};
  line.headway_min = {0, 20, 0, 25, 0};                            // am peak 06-09 and evening 17-20 only
  line.weekdays = {true, true, true, true, true, true, false};  // no service on Sundays
  return line;
}

TEST(TransitRuns, DeparturesFollowTheHeadwayOfEachPeriod) {
  const std::vector<double> departures = departures_s(hand_built_line(), 0);
  std::vector<double> expected;
  for (int k = 0; k < 9; ++k) expected.push_back(6 * 3600.0 + k * 20 * 60.0);   // 06:00 .. 08:40
  for (int k = 0; k < 8; ++k) expected.push_back(17 * 3600.0 + k * 25 * 60.0);  // 17:00 .. 19:55
  EXPECT_EQ(departures, expected);
}

TEST(TransitRuns, TheTimetableKeepsItsRhythmAcrossAChangeOfPeriod) {
  RouteLine line = hand_built_line();
  line.headway_min = {0, 8, 10, 0, 0};  // 06-09 every 8 minutes, 09-17 every 10
  const std::vector<double> departures = departures_s(line, 0);
  ASSERT_EQ(departures.size(), 23U + 48U);
  EXPECT_EQ(departures[22], 8 * 3600.0 + 56 * 60.0);                 // the last run of the peak
  EXPECT_EQ(departures[23], 9 * 3600.0 + 4 * 60.0);                  // one peak headway later
  EXPECT_EQ(departures.back(), 9 * 3600.0 + 4 * 60.0 + 47 * 600.0);  // 16:54
}

TEST(TransitRuns, NoDeparturesOnADayOrPeriodWithoutService) {
  EXPECT_TRUE(departures_s(hand_built_line(), 6).empty());
  RouteLine planned = hand_built_line();
  planned.active = false;
  EXPECT_TRUE(departures_s(planned, 0).empty());
}

TEST(TransitRuns, LoadIsTheHoursLoadOverItsDeparturesCappedAtCapacity) {
  const std::vector<double> departures = departures_s(hand_built_line(), 0);
  std::array<double, kHours> hour_load{};
  hour_load[6] = 90;    // 06:00, 06:20, 06:40: 30 each
  hour_load[17] = 60;   // 17:00, 17:25, 17:50: 20 each
  hour_load[18] = 100;  // 18:15, 18:40: 50 each, above the 40 places
  const std::vector<double> loads = run_loads(departures, hour_load, std::vector<double>(departures.size(), 40.0));
  ASSERT_EQ(loads.size(), 17U);
  for (std::size_t r = 0; r < 3; ++r) EXPECT_EQ(loads[r], 30.0);
  for (std::size_t r = 3; r < 9; ++r) EXPECT_EQ(loads[r], 0.0);
  for (std::size_t r = 9; r < 12; ++r) EXPECT_EQ(loads[r], 20.0);
  for (std::size_t r = 12; r < 14; ++r) EXPECT_EQ(loads[r], 40.0);
  for (std::size_t r = 14; r < 17; ++r) EXPECT_EQ(loads[r], 0.0);
}

TEST(TransitRuns, RunTypesFollowTheFleetShares) {
  EXPECT_EQ(run_types(3, {1, 0, 0, 0}), (std::vector<VehicleType>{kCombi, kCombi, kCombi}));
  EXPECT_EQ(run_types(4, {0.5, 0.5, 0, 0}), (std::vector<VehicleType>{kCombi, kBus, kCombi, kBus}));
  const std::vector<VehicleType> quarter = run_types(8, {0.75, 0, 0.25, 0});
  EXPECT_EQ(std::count(quarter.begin(), quarter.end(), kElectricBus), 2);
}

}  // namespace
}  // namespace munisim
