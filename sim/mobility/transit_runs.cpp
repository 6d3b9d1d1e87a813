#include "sim/mobility/transit_runs.hpp"

#include <algorithm>
#include <cmath>

#include "sim/mobility/transit_load.hpp"

namespace munisim {

std::vector<double> departures_s(const RouteLine& line, std::size_t weekday) {
  std::vector<double> departures;
  const double day_s = kHours * 3600.0;
  // A timetable keeps its rhythm: the next run leaves one headway of the period of the last run
  // after it; a period without service starts again at the next period with service.
  double anchor_s = 0;
  double anchor_headway = 0;
  std::size_t runs_since_anchor = 0;
  double at = 0;
  while (at < day_s) {
    const std::size_t period = period_of_hour(static_cast<std::size_t>(at / 3600));
    const double headway = line.headway_on(weekday, period);
    if (headway <= 0) {
      at = period + 1 < kTransitPeriods ? kTransitPeriodStartHour[period + 1] * 3600.0 : day_s;
      anchor_headway = 0;
      continue;
    }
    if (headway != anchor_headway) {  // counting runs from an anchor keeps the times exact
      anchor_s = at;
      anchor_headway = headway;
      runs_since_anchor = 0;
    }
    departures.push_back(at);
    at = anchor_s + static_cast<double>(++runs_since_anchor) * headway * 60;
  }
  return departures;
}

std::vector<double> run_loads(const std::vector<double>& departures_s, const std::array<double, kHours>& hour_load,
                              const std::vector<double>& capacity) {
  const auto hour_of = [](double at_s) {
    return std::min(kHours - 1, static_cast<std::size_t>(std::max(0.0, at_s) / 3600));
  };
  std::array<int, kHours> runs_in_hour{};
  for (double at : departures_s) ++runs_in_hour[hour_of(at)];
  std::vector<double> loads;
  for (std::size_t r = 0; r < departures_s.size(); ++r) {
    const std::size_t hour = hour_of(departures_s[r]);
    loads.push_back(std::min(capacity[r], hour_load[hour] / runs_in_hour[hour]));
  }
  return loads;
}

std::vector<VehicleType> run_types(std::size_t runs, const std::array<double, kVehicleTypes>& mix) {
  std::vector<VehicleType> types;
  std::array<double, kVehicleTypes> assigned{};
  for (std::size_t r = 0; r < runs; ++r) {
    // The type furthest behind its share of the runs so far; ties go to the first type.
    std::size_t pick = 0;
    double deficit = -1;
    for (std::size_t v = 0; v < kVehicleTypes; ++v) {
      const double behind = mix[v] * static_cast<double>(r + 1) - assigned[v];
      if (mix[v] > 0 && behind > deficit) {
        deficit = behind;
        pick = v;
      }
    }
    assigned[pick] += 1;
    types.push_back(static_cast<VehicleType>(pick));
  }
  return types;
}

}  // namespace munisim
