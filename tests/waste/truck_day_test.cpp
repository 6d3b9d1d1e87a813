// One truck, three zones on a line: kilometres, trips and missed zones worked out by hand.
#include "sim/waste/truck_day.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace munisim {
namespace {

// Nodes on a line at these kilometres: depot 0, zones A 2, B 4, C 6, dump 10; 30 km/h between them.
constexpr double kAt[] = {0, 2, 4, 6, 10};
constexpr NodeId kDepot = 0, kDump = 4;

Leg line_travel(NodeId from, NodeId to) {
  const double km = std::abs(kAt[to] - kAt[from]);
  return {km, km * 2};
}

struct ThreeZones : ::testing::Test {
  // Loading 10 min/t plus 1 km of streets per tonne at 10 km/h: 16 min per tonne.
  TruckShift shift{
      .capacity_t = 6, .shift_min = 1000, .collection_speed_kmh = 10, .loading_min_per_t = 10, .unloading_min = 20};
  std::vector<ZoneStock> zones{{1, 5, 1}, {2, 4, 1}, {3, 3, 1}};
  std::vector<double> collected = std::vector<double>(3, 0.0);
  std::vector<std::size_t> route{0, 1, 2};
};

TEST_F(ThreeZones, LongShiftCollectsEverythingInTwoTrips) {
  const TruckDay day = run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel);
  // depot->A 2, A 5, A->B 2, B 1 (full), B->dump 6, dump->B 6, B 3, B->C 2, C 3 (full), C->dump 4, dump->depot 10
  EXPECT_DOUBLE_EQ(day.km, 44);
  EXPECT_EQ(day.trips, 2);
  EXPECT_DOUBLE_EQ(day.disposed_t, 12);
  // 32 km between nodes at 2 min/km, 16 min per tonne collected (12 t), 20 min per unloading.
  EXPECT_DOUBLE_EQ(day.minutes, 32 * 2 + 12 * 16 + 2 * 20);
  EXPECT_EQ(collected, (std::vector<double>{5, 4, 3}));
  for (const ZoneStock& zone : zones) EXPECT_DOUBLE_EQ(zone.stock_t, 0);
}

TEST_F(ThreeZones, ShortShiftLeavesTheRestOfTheRouteForLater) {
  shift.shift_min = 100;
  const TruckDay day = run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel);
  // 4 min to A, 80 min collecting A, 4 min to B, 12 min left: 0.75 t of B. Then unload and go home.
  EXPECT_DOUBLE_EQ(collected[0], 5);
  EXPECT_DOUBLE_EQ(collected[1], 0.75);
  EXPECT_DOUBLE_EQ(collected[2], 0);
  EXPECT_DOUBLE_EQ(zones[1].stock_t, 3.25);
  EXPECT_DOUBLE_EQ(zones[2].stock_t, 3);  // zone C is missed today
  EXPECT_EQ(day.trips, 1);
  EXPECT_DOUBLE_EQ(day.disposed_t, 5.75);
  EXPECT_DOUBLE_EQ(day.km, 2 + 5 + 2 + 0.75 + 6 + 10);
  EXPECT_DOUBLE_EQ(day.minutes, 100 + 12 + 20 + 20);  // the last trip may run over the shift
}

TEST_F(ThreeZones, EmptyZonesAreSkippedAndAnIdleTruckStaysHome) {
  for (ZoneStock& zone : zones) zone.stock_t = 0;
  const TruckDay day = run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel);
  EXPECT_EQ(day.km, 0);
  EXPECT_EQ(day.trips, 0);
}

TEST_F(ThreeZones, SecondTruckFinishesWhatTheFirstLeft) {
  shift.shift_min = 100;
  run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel);
  shift.shift_min = 1000;
  const TruckDay second = run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel);
  EXPECT_DOUBLE_EQ(second.disposed_t, 6.25);
  EXPECT_EQ(collected, (std::vector<double>{5, 4, 3}));
}

TEST_F(ThreeZones, DrivesAreLoggedWithTheirStartLoadAndDuration) {
  std::vector<TruckDrive> drives;
  const TruckDay day = run_truck_day(shift, kDepot, kDump, route, zones, collected, line_travel, &drives);
  // depot->A, A->B, B->dump (6 t), dump->B, B->C, C->dump (6 t), dump->depot (empty).
  const std::vector<std::pair<NodeId, NodeId>> legs{{0, 1}, {1, 2}, {2, 4}, {4, 2}, {2, 3}, {3, 4}, {4, 0}};
  ASSERT_EQ(drives.size(), legs.size());
  for (std::size_t i = 0; i < legs.size(); ++i) {
    EXPECT_EQ(drives[i].from, legs[i].first);
    EXPECT_EQ(drives[i].to, legs[i].second);
    EXPECT_DOUBLE_EQ(drives[i].minutes, line_travel(legs[i].first, legs[i].second).minutes);
  }
  EXPECT_DOUBLE_EQ(drives[0].start_min, 0);
  EXPECT_DOUBLE_EQ(drives[0].load_t, 0);
  EXPECT_DOUBLE_EQ(drives[1].start_min, 4 + 5 * 16);  // after loading all of A
  EXPECT_DOUBLE_EQ(drives[1].load_t, 5);
  EXPECT_DOUBLE_EQ(drives[2].load_t, 6);
  EXPECT_DOUBLE_EQ(drives[6].load_t, 0);
  EXPECT_DOUBLE_EQ(drives.back().start_min + drives.back().minutes, day.minutes);
}

}  // namespace
}  // namespace munisim
