// The bottleneck queue of one line, hour by hour, against waits worked out by hand from the
// piecewise-linear queue Q(t) = max(0, B0 + (A - C) t), and the fluid queue with abandonment
// (dQ/dt = A - C - theta Q) against its exponential solution and a fine numerical integration of
// its differential equations (docs/mobility.md, "Denied boardings").
#include "sim/mobility/bottleneck_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
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

// The fluid queue with abandonment integrated by small explicit steps, tracking the backlog carried
// in (at the head, first come first served) apart from the hour's arrivals, and each arrival's
// expected wait Q / (C + theta Q): an independent check of the closed forms.
QueueHour integrate(double arrivals, double capacity, double backlog, double theta) {
  const int steps = 400000;
  const double dt = 1.0 / steps;
  double old = backlog, fresh = 0;
  QueueHour hour;
  for (int i = 0; i < steps; ++i) {
    const double queue = old + fresh;
    hour.wait_rider_h += arrivals * queue / (capacity + theta * queue) * dt;
    double serve = queue > 0 ? capacity : std::min(capacity, arrivals);
    const double from_old = std::min(old, serve * dt);
    const double from_fresh = std::min(fresh + arrivals * dt, serve * dt - from_old);
    hour.boarded += from_old + from_fresh;
    hour.abandoned += theta * queue * dt;
    old = std::max(0.0, old - from_old - theta * old * dt);
    fresh = std::max(0.0, fresh + arrivals * dt - from_fresh - theta * fresh * dt);
    hour.denied += theta * fresh * dt;  // the hour's own arrivals giving up within it
  }
  hour.backlog = old + fresh;
  hour.denied += fresh;
  return hour;
}

void expect_near_hour(const QueueHour& exact, const QueueHour& numeric, double tolerance) {
  EXPECT_NEAR(exact.wait_rider_h, numeric.wait_rider_h, tolerance);
  EXPECT_NEAR(exact.boarded, numeric.boarded, tolerance);
  EXPECT_NEAR(exact.abandoned, numeric.abandoned, tolerance);
  EXPECT_NEAR(exact.backlog, numeric.backlog, tolerance);
  EXPECT_NEAR(exact.denied, numeric.denied, tolerance);
}

TEST(RenegingQueue, ConstantOverloadApproachesItsStationaryQueue) {
  // 140 an hour at 100 places, patience 15 min (theta 4 per hour): Q(t) = 10 (1 - e^-4t), bound for
  // Q_inf = (A - C) / theta = 10; after the hour Q = 10 (1 - e^-4), and after many hours Q_inf.
  const double theta = 4;
  const QueueHour first = queue_hour(140, 100, 0, theta);
  EXPECT_NEAR(first.backlog, 10 * (1 - std::exp(-4.0)), 1e-12);
  double backlog = first.backlog;
  for (int h = 0; h < 20; ++h) backlog = queue_hour(140, 100, backlog, theta).backlog;
  EXPECT_NEAR(backlog, 10.0, 1e-12);
  // At the stationary queue every hour: 100 board, theta Q_inf = 40 give up, an arrival waits
  // Q / (C + theta Q) = 10 / 140 h. The 10 carried in are ahead and gone (served or given up) at
  // t1 = ln(1 + theta 10 / 100) / theta, having taken 100 t1 of the places: the hour's own arrivals
  // not carried, its denied, are 140 - (100 - 100 t1).
  const QueueHour steady = queue_hour(140, 100, 10, theta);
  EXPECT_NEAR(steady.backlog, 10.0, 1e-12);
  EXPECT_NEAR(steady.boarded, 100.0, 1e-12);
  EXPECT_NEAR(steady.abandoned, 40.0, 1e-12);
  EXPECT_NEAR(steady.wait_rider_h, 140 * 10 / 140.0, 1e-9);
  EXPECT_NEAR(steady.denied, 40 + 100 * std::log(1.4) / theta, 1e-12);
}

TEST(RenegingQueue, AgreesWithTheNumericalSolutionOnHandBuiltHours) {
  // Overloaded from empty; a backlog that clears within the hour; one that does not; a backlog
  // larger than the hour's capacity; an hour without vehicles (only giving up empties the queue).
  for (const auto& [arrivals, capacity, backlog] :
       {std::array<double, 3>{140, 100, 0}, {60, 100, 20}, {80, 100, 40}, {10, 100, 150}, {0, 0, 30}, {100, 100, 25}}) {
    for (double theta : {0.5, 4.0, 12.0}) {
      SCOPED_TRACE(testing::Message() << "A " << arrivals << " C " << capacity << " B0 " << backlog << " theta " << theta);
      // Euler steps of 1/400000 h: their error grows with theta and the riders involved.
      expect_near_hour(queue_hour(arrivals, capacity, backlog, theta), integrate(arrivals, capacity, backlog, theta),
                       1e-4 * (1 + arrivals + backlog));
    }
  }
}

TEST(RenegingQueue, EveryRiderBoardsGivesUpOrIsCarried) {
  // Abandoned + boarded + backlog out = arrivals + backlog in, hour by hour through a day; vehicles
  // carry at most their capacity; riders are denied at least the hour's surplus, once each, and
  // everyone who gave up was denied first.
  const std::vector<double> arrivals = {0, 0, 0, 0, 0, 30, 180, 260, 150, 90, 60, 60, 70, 80, 60, 60, 90, 200, 240,
                                        120, 60, 30, 10, 5};
  double backlog = 0, denied = 0, abandoned = 0;
  for (double hour_arrivals : arrivals) {
    const QueueHour hour = queue_hour(hour_arrivals, 150, backlog, 6);
    EXPECT_NEAR(hour.boarded + hour.abandoned + hour.backlog, hour_arrivals + backlog, 1e-9 * (1 + hour_arrivals));
    EXPECT_LE(hour.boarded, 150 + 1e-9);
    EXPECT_GE(hour.denied, std::max(0.0, hour_arrivals - 150) - 1e-9);
    EXPECT_LE(hour.denied, hour_arrivals);
    denied += hour.denied;
    abandoned += hour.abandoned;
    EXPECT_LE(abandoned, denied + 1e-9);
    backlog = hour.backlog;
  }
  EXPECT_GT(abandoned, 0.0);
}

TEST(RenegingQueue, EndlessPatienceIsThePointQueue) {
  for (const auto& [arrivals, capacity, backlog] :
       {std::array<double, 3>{140, 100, 0}, {60, 100, 20}, {80, 100, 40}, {10, 100, 150}, {60, 100, 40}}) {
    const QueueHour point = queue_hour(arrivals, capacity, backlog);
    const QueueHour patient = queue_hour(arrivals, capacity, backlog, 1e-7);  // mean patience 10^7 h
    const double tolerance = 1e-5 * (1 + arrivals + backlog);
    EXPECT_NEAR(patient.wait_rider_h, point.wait_rider_h, tolerance);
    EXPECT_NEAR(patient.backlog, point.backlog, tolerance);
    EXPECT_NEAR(patient.denied, point.denied, tolerance);
    EXPECT_NEAR(patient.boarded, point.boarded, tolerance);
    EXPECT_NEAR(patient.abandoned, 0.0, tolerance);
    // A rate of 0 is the point queue itself, bit for bit.
    const QueueHour zero = queue_hour(arrivals, capacity, backlog, 0);
    EXPECT_EQ(zero.wait_rider_h, point.wait_rider_h);
    EXPECT_EQ(zero.backlog, point.backlog);
    EXPECT_EQ(zero.denied, point.denied);
    EXPECT_EQ(zero.abandoned, 0.0);
  }
}

}  // namespace
}  // namespace munisim
