#include "sim/mobility/bottleneck_queue.hpp"

#include <algorithm>

namespace munisim {

QueueHour queue_hour(double arrivals, double capacity, double backlog) {
  QueueHour hour;
  hour.backlog = std::max(0.0, backlog + arrivals - capacity);
  hour.denied = std::min(arrivals, hour.backlog);
  if (arrivals <= 0 || capacity <= 0) return hour;
  // Q(t) = max(0, B0 + (A - C) t) over the hour; an arrival at t waits Q(t) / C, so the arrivals
  // together wait A / C times the area under Q.
  const double surplus = capacity - arrivals;
  const double area = backlog >= surplus ? backlog - surplus / 2                    // never clears
                                         : backlog * backlog / (2 * surplus);  // clears at B0 / (C - A)
  hour.wait_rider_h = arrivals / capacity * area;
  return hour;
}

}  // namespace munisim
