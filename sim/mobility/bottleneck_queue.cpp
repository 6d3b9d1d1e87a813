#include "sim/mobility/bottleneck_queue.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace munisim {
namespace {

// Q(t) = max(0, B0 + (A - C) t) over the hour, nobody giving up; bit for bit the queue before
// abandonment was modelled.
QueueHour point_queue(double arrivals, double capacity, double backlog) {
  QueueHour hour;
  hour.backlog = std::max(0.0, backlog + arrivals - capacity);
  hour.denied = std::min(arrivals, hour.backlog);
  hour.boarded = backlog + arrivals - hour.backlog;
  if (arrivals <= 0 || capacity <= 0) return hour;
  // An arrival at t waits Q(t) / C, so the arrivals together wait A / C times the area under Q.
  const double surplus = capacity - arrivals;
  const double area = backlog >= surplus ? backlog - surplus / 2                    // never clears
                                         : backlog * backlog / (2 * surplus);  // clears at B0 / (C - A)
  hour.wait_rider_h = arrivals / capacity * area;
  return hour;
}

// (1 - e^-x) / x and (x - 1 + e^-x) / x^2, their limits 1 and 1/2 at x = 0 kept exact for small x.
double decay_mean(double x) { return x < 1e-8 ? 1 - x / 2 : -std::expm1(-x) / x; }
double decay_ramp(double x) { return x < 1e-4 ? 0.5 - x / 6 + x * x / 24 : (x + std::expm1(-x)) / (x * x); }

// The fluid queue with abandonment: Q(t) = B0 e^(-theta t) + (A - C)(1 - e^(-theta t)) / theta
// while positive. docs/mobility.md gives every closed form used here.
QueueHour reneging_queue(double arrivals, double capacity, double backlog, double theta) {
  const double excess = arrivals - capacity;
  // How long in the hour the queue is not empty: always when arrivals exceed capacity (or there is
  // a backlog and they match), otherwise until Q reaches 0 at ln(1 + theta B0 / (C - A)) / theta.
  double busy_h = 0;
  if (excess > 0 || (excess == 0 && backlog > 0)) {
    busy_h = 1;
  } else if (backlog > 0) {
    busy_h = std::min(1.0, std::log1p(theta * backlog / -excess) / theta);
  }
  QueueHour hour;
  const double area = backlog * busy_h * decay_mean(theta * busy_h) + excess * busy_h * busy_h * decay_ramp(theta * busy_h);
  hour.abandoned = theta * area;
  hour.boarded = capacity * busy_h + arrivals * (1 - busy_h);
  hour.backlog = busy_h < 1 ? 0.0 : std::max(0.0, backlog * std::exp(-theta) + excess * decay_mean(theta));
  // The backlog is ahead of the hour's arrivals and shrinks by service and by its own riders giving
  // up, dO/dt = -C - theta O: it is gone at ln(1 + theta B0 / C) / theta. Vehicles carry the
  // backlog until then and the hour's arrivals after; those not carried are the hour's denied.
  const double backlog_served_h =
      capacity > 0 ? std::log1p(theta * backlog / capacity) / theta : std::numeric_limits<double>::infinity();
  hour.denied = std::clamp(arrivals - (hour.boarded - capacity * std::min(1.0, backlog_served_h)), 0.0, arrivals);
  if (arrivals <= 0 || capacity <= 0 || busy_h <= 0) return hour;
  // A rider arriving behind Q waits until served, Q ahead shrinking as dq/ds = -C - theta q, i.e.
  // w = ln(1 + theta Q / C) / theta, or gives up first: the expected wait E[min(patience, w)] is
  // Q / (C + theta Q). Over the busy time, with C + theta Q(t) = A + k e^(-theta t), k = theta B0 - (A - C):
  //   integral of Q / (C + theta Q) = (T - C J) / theta,  J = (T + ln((C + theta Q(T)) / (C + theta B0)) / theta) / A.
  const double queue_end = busy_h < 1 ? 0.0 : hour.backlog;
  const double log_ratio = std::log1p(theta * (queue_end - backlog) / (capacity + theta * backlog));
  const double j = (busy_h + log_ratio / theta) / arrivals;
  hour.wait_rider_h = arrivals * std::max(0.0, busy_h - capacity * j) / theta;
  return hour;
}

}  // namespace

QueueHour queue_hour(double arrivals, double capacity, double backlog, double abandon_rate_per_h) {
  return abandon_rate_per_h > 0 ? reneging_queue(arrivals, capacity, backlog, abandon_rate_per_h)
                                : point_queue(arrivals, capacity, backlog);
}

}  // namespace munisim
