// One hour of a deterministic bottleneck (point) queue at a transit line (Vickrey 1969): riders
// arrive evenly through the hour at the rate of the hour's load on the line's busiest stretch,
// vehicles carry them first come first served at the hour's capacity, and whoever the hour's
// vehicles cannot carry waits into the next hour. docs/mobility.md, "Denied boardings", derives it.
#pragma once

namespace munisim {

struct QueueHour {
  double wait_rider_h = 0;  // extra wait of the hour's arrivals, summed over them (rider-hours)
  double denied = 0;        // the hour's arrivals still waiting when it ends: passed up by its vehicles
  double backlog = 0;       // riders still waiting when the hour ends, carried into the next
};

// `arrivals` and `capacity` in riders per hour; `backlog` still waiting from the hour before.
[[nodiscard]] QueueHour queue_hour(double arrivals, double capacity, double backlog);

}  // namespace munisim
