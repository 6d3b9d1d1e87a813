// Scheduled vehicle runs of a transit line, derived from what the model computes for it (headway
// by period, run time, hourly load), for vehicle traces: each departure is one run along the line's
// streets. The model itself works with lines, not vehicles; nothing here feeds back into it.
#pragma once

#include <array>
#include <vector>

#include "sim/mobility/road_load.hpp"
#include "sim/mobility/transit_routes.hpp"

namespace munisim {

// Seconds after midnight of the line's departures from its first stop on a weekday (0 Monday):
// from the start of the first period with service, each run leaves one headway (of the period
// the previous run left in) after the previous one; after a period without service the timetable
// starts again when service does.
[[nodiscard]] std::vector<double> departures_s(const RouteLine& line, std::size_t weekday);

// Each run's load: the line's load in the hour it departs (`hour_load`, 24 values) over the
// departures in that hour, at most `capacity` (the riders beyond it are denied boarding).
[[nodiscard]] std::vector<double> run_loads(const std::vector<double>& departures_s,
                                            const std::array<double, kHours>& hour_load,
                                            const std::vector<double>& capacity);

// The vehicle type of each of `runs` runs, in departure order, so that every prefix of the runs
// follows the line's fleet shares (`mix`) as closely as whole vehicles can.
[[nodiscard]] std::vector<VehicleType> run_types(std::size_t runs, const std::array<double, kVehicleTypes>& mix);

}  // namespace munisim
