// Fleet allocation by demand (mobility.transit.fleet_allocation, docs/mobility.md): a fleet of
// `vehicles` is spread over the running lines and the periods of the day in proportion to the
// vehicles each line needed in each period the day before, with a minimum per running line.
#pragma once

#include <cstddef>
#include <vector>

namespace munisim {

// All [line * periods + period]. `need`: vehicles a line needed in a period (its riders on the
// busiest stretch per hour over one vehicle's places, times its run time in hours); `running`: 1 where
// the line runs in that period. Each period runs the vehicles it needs, at most `vehicles` (all of
// them when nothing was needed: the first day). Within a period each running line gets at least
// `min_per_line` and the rest in proportion to need; the lines' vehicles sum to the period's, or to
// the minimum on every running line when that is more. Returns vehicles per line and period, 0 where
// a line does not run. Lines in index order, so the result does not depend on threads.
[[nodiscard]] std::vector<double> allocate_fleet(const std::vector<double>& need, const std::vector<char>& running,
                                                 std::size_t periods, double vehicles, double min_per_line);

}  // namespace munisim
