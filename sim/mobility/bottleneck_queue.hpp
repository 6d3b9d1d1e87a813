// One hour of a deterministic bottleneck (point) queue at a transit line (Vickrey 1969): riders
// arrive evenly through the hour at the rate of the hour's load on the line's busiest stretch,
// vehicles carry them first come first served at the hour's capacity, and whoever the hour's
// vehicles cannot carry waits into the next hour. Optionally riders give up (renege) at a constant
// rate per waiting rider, exponential patience, as in the fluid queue with abandonment of Whitt
// (2006): dQ/dt = A - C - theta Q while Q > 0. docs/mobility.md, "Denied boardings", derives both.
#pragma once

namespace munisim {

struct QueueHour {
  double wait_rider_h = 0;  // extra wait of the hour's arrivals, summed over them (rider-hours)
  double denied = 0;        // the hour's arrivals its vehicles did not carry: still waiting when it ends, or gave up
  double boarded = 0;       // riders the hour's vehicles carried, from the backlog and the hour's arrivals
  double abandoned = 0;     // riders who gave up waiting during the hour, from the backlog or the hour's arrivals
  double backlog = 0;       // riders still waiting when the hour ends, carried into the next
};

// `arrivals` and `capacity` in riders per hour; `backlog` still waiting from the hour before;
// `abandon_rate_per_h` the rate theta at which each waiting rider gives up (1 / mean patience in
// hours; 0: nobody gives up, the plain point queue).
[[nodiscard]] QueueHour queue_hour(double arrivals, double capacity, double backlog, double abandon_rate_per_h = 0);

}  // namespace munisim
