// Loads on transit lines by hour: riders between two districts share the lines serving them in
// proportion to frequency; each rider loads the line's stretches from boarding to alighting. The
// busiest stretch's load against the hour's capacity (vehicles per hour x places) gives the load
// factor; riders beyond capacity are denied boarding and wait one more headway, or, with the queue
// carried over (mobility.transit.queue_carryover), queue at the line until vehicles carry them or,
// with a patience (mobility.transit.queue_patience_min), until they give up
// (sim/mobility/bottleneck_queue.hpp).
#pragma once

#include <array>
#include <vector>

#include "sim/mobility/road_load.hpp"
#include "sim/mobility/transit_routes.hpp"

namespace munisim {

struct LineHourLoads {
  // All [line * 24 + hour].
  std::vector<double> boardings, peak_load, capacity, denied, extra_wait_min, load_factor;
  std::vector<double> abandoned;  // riders who gave up queueing (0 without a queue or without a patience)
};

// Vehicles per minute of a leg's lines running on that weekday and period; each running line l
// carries the share (1 / headway_l) / frequency of the leg's riders.
[[nodiscard]] double leg_frequency_per_min(const LegOptions& leg, const std::vector<RouteLine>& lines,
                                           std::size_t weekday, std::size_t period);
[[nodiscard]] std::size_t period_of_hour(std::size_t hour);

// How riders left behind by a full vehicle wait: one more headway (no carryover), or in a queue
// carried into the next hours, from which each waiting rider gives up at `abandon_rate_per_h`.
struct DeniedRiders {
  bool queue_carryover = false;
  double abandon_rate_per_h = 0;  // 1 / mean patience in hours; 0: nobody gives up
};

// `demand`: riders [pair * 24 + hour] on a day of the week; `places`: capacity of one vehicle of each line.
[[nodiscard]] LineHourLoads load_lines(const TransitRoutes& routes, std::size_t weekday,
                                       const std::vector<double>& demand, const std::vector<double>& places,
                                       const DeniedRiders& denied_riders);

}  // namespace munisim
