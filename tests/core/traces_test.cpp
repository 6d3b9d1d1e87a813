// The trace recorder keeps only the chosen days and sorts each day's rows by vehicle, then time.
#include "sim/core/traces.hpp"

#include <gtest/gtest.h>

#include <array>

namespace munisim {
namespace {

TEST(Traces, DriveTimeIsSharedOverEdgesByFreeFlowTime) {
  const std::vector<double> edge_free_min{1, 2, 3};
  std::vector<double> times;
  edge_times_s(21600, 30, edge_free_min, times);
  EXPECT_EQ(times, (std::vector<double>{21600, 21600 + 300, 21600 + 900, 21600 + 1800}));
}

TEST(TraceRecorder, RecordsOnlyTheChosenDaysSortedByVehicleThenTime) {
  TraceRecorder recorder({3, 1, 3});
  EXPECT_TRUE(recorder.records(0));
  EXPECT_FALSE(recorder.records(1));
  EXPECT_TRUE(recorder.records(2));
  const std::int32_t b = recorder.vehicle("truck-2", "waste_truck", "t");
  const std::int32_t a = recorder.vehicle("truck-1", "waste_truck", "t");
  EXPECT_EQ(recorder.vehicle("truck-2", "waste_truck", "t"), b);
  const auto move = [&](int day, std::int32_t vehicle, EdgeId edge, double enter_s, double exit_s, double load) {
    const std::array<EdgeId, 1> edges{edge};
    const std::array<double, 2> times{enter_s, exit_s};
    recorder.move(day, vehicle, edges, times, load);
  };
  move(0, b, 7, 100, 160, 1.5);
  move(0, a, 5, 200, 230, 0);
  move(0, a, 4, 50, 80, 0);
  move(1, a, 9, 10, 20, 0);  // day 2 is not recorded
  const Traces traces = recorder.finished();
  ASSERT_EQ(traces.days.size(), 2U);
  EXPECT_EQ(traces.days[0].day, 1);
  EXPECT_EQ(traces.days[1].day, 3);
  EXPECT_TRUE(traces.days[1].vehicle.empty());
  EXPECT_EQ(traces.days[0].vehicle, (std::vector<std::int32_t>{b, a, a}));
  EXPECT_EQ(traces.days[0].edge, (std::vector<std::int32_t>{7, 4, 5}));
  EXPECT_EQ(traces.days[0].enter_s, (std::vector<float>{100, 50, 200}));
  EXPECT_EQ(traces.vehicles.name, (std::vector<std::string>{"truck-2", "truck-1"}));
}

TEST(TraceRecorder, AVehicleIsItsNameAndKindTogether) {
  TraceRecorder recorder({1});
  const std::int32_t combi = recorder.vehicle("A 06:00:00", "combi", "passengers");
  const std::int32_t bus = recorder.vehicle("A 06:00:00", "bus", "passengers");  // after a fleet renewal
  EXPECT_NE(combi, bus);
  EXPECT_EQ(recorder.vehicle("A 06:00:00", "combi", "passengers"), combi);
  EXPECT_EQ(recorder.finished().vehicles.kind, (std::vector<std::string>{"combi", "bus"}));
}

}  // namespace
}  // namespace munisim
