// The bottleneck queue of one line, hour by hour, against waits worked out by hand from the
// piecewise-linear queue Q(t) = max(0, B0 + (A - C) t) (docs/mobility.md, "Denied boardings").
#include "sim/mobility/bottleneck_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace munisim {
namespace {

TEST(BottleneckQueue, UnderCapacityNobodyWaitsOrIsCarried) {
  const QueueHour hour = queue_hour(80, 100, 0);
  EXPECT_EQ(hour.wait_rider_h, 0.0);
  EXPECT_EQ(hour.denied, 0.0);
  EXPECT_EQ(hour.backlog, 0.0);
}

TEST(BottleneckQueue, AnOverloadedHourQueuesItsSurplusAndCarriesIt) {
  // 140 riders an hour at 100 places an hour: the queue grows from 0 to 40 through the hour, its
  // area is 40 / 2 = 20 rider-hours, and an arrival waits on average 20 / 100 h = 12 min.
  const QueueHour hour = queue_hour(140, 100, 0);
  EXPECT_DOUBLE_EQ(hour.wait_rider_h, 140 * 0.2);
  EXPECT_DOUBLE_EQ(hour.wait_rider_h / 140 * 60, 12.0);
  EXPECT_DOUBLE_EQ(hour.backlog, 40.0);
  EXPECT_DOUBLE_EQ(hour.denied, 40.0);  // as many as one more headway charged before
}

TEST(BottleneckQueue, ABacklogClearsWithinALaterHourAtTheExactWait) {
  // 20 carried in, 60 arriving at 100 places: the queue falls at 40 an hour and is gone at
  // t = 0.5 h; its area is 20 x 0.5 / 2 = 5 rider-hours, so an arrival waits 5 / 100 h = 3 min.
  const QueueHour hour = queue_hour(60, 100, 20);
  EXPECT_DOUBLE_EQ(hour.wait_rider_h, 60 * 0.05);
  EXPECT_DOUBLE_EQ(hour.wait_rider_h / 60 * 60, 3.0);
  EXPECT_EQ(hour.backlog, 0.0);
  EXPECT_EQ(hour.denied, 0.0);
}

TEST(BottleneckQueue, ABacklogTheHourCannotClearIsCarriedOnAndCountsOnlyItsOwnArrivalsAsDenied) {
  // 40 carried in, 80 arriving at 100 places: the queue falls from 40 to 20; area (40 + 20) / 2 = 30.
  const QueueHour partly = queue_hour(80, 100, 40);
  EXPECT_DOUBLE_EQ(partly.wait_rider_h, 80 * 30 / 100.0);
  EXPECT_DOUBLE_EQ(partly.backlog, 20.0);
  EXPECT_DOUBLE_EQ(partly.denied, 20.0);  // the hour's last 20 arrivals, first come first served
  // 150 carried in, 10 arriving: 60 remain, of whom only the hour's 10 are newly passed up.
  const QueueHour over = queue_hour(10, 100, 150);
  EXPECT_DOUBLE_EQ(over.backlog, 60.0);
  EXPECT_DOUBLE_EQ(over.denied, 10.0);
  EXPECT_DOUBLE_EQ(over.wait_rider_h, 10 * (150 - 90 / 2.0) / 100);
}

TEST(BottleneckQueue, ExactlyClearedAtTheHoursEnd) {
  // 40 carried in, 60 arriving at 100 places: both formulas of the area meet, 40 x 1 / 2 = 20.
  const QueueHour hour = queue_hour(60, 100, 40);
  EXPECT_DOUBLE_EQ(hour.wait_rider_h, 60 * 20 / 100.0);
  EXPECT_EQ(hour.backlog, 0.0);
}

TEST(BottleneckQueue, RidersAreConservedThroughADay) {
  // Vehicles carry at most their capacity each hour; what they carried plus what is left waiting
  // when the day ends is every rider who arrived, and each is denied at most once.
  const std::vector<double> arrivals = {0, 0, 0, 0, 0, 30, 180, 260, 150, 90, 60, 60, 70, 80, 60, 60, 90, 200, 240,
                                        120, 60, 30, 10, 5};
  const std::vector<double> capacity(arrivals.size(), 150);
  double backlog = 0, carried = 0, denied = 0, arrived = 0;
  for (std::size_t h = 0; h < arrivals.size(); ++h) {
    const QueueHour hour = queue_hour(arrivals[h], capacity[h], backlog);
    const double carried_now = backlog + arrivals[h] - hour.backlog;
    EXPECT_LE(carried_now, capacity[h] + 1e-9);
    EXPECT_GE(hour.denied, std::max(0.0, arrivals[h] - capacity[h]));
    carried += carried_now;
    denied += hour.denied;
    arrived += arrivals[h];
    backlog = hour.backlog;
  }
  EXPECT_DOUBLE_EQ(carried + backlog, arrived);
  EXPECT_LE(denied, arrived);
  EXPECT_GT(denied, 0.0);
}

}  // namespace
}  // namespace munisim
