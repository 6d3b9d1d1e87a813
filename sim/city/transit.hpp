// A city's public transport lines as the services use them: stops on the street network, the
// drawn route, headways and running times by period of the day, and the fare.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/city/transit_config.hpp"
#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"

namespace munisim {

struct TransitStop {
  std::string id;
  std::string name;
  PointXY position;
  NodeId node = 0;             // nearest street node
  double snap_distance_m = 0;  // from the stop to that node
};

// One direction (or variant) of a route, as the feed's trip describes it.
struct TransitLine {
  std::string route_id;
  std::string trip_id;
  std::string short_name;
  std::string long_name;
  std::string agency;
  std::vector<std::uint32_t> stops{};                  // indices into TransitSystem::stops, in travel order
  std::vector<PointXY> path{};                         // the drawn route, or the stops in order where none is drawn
  double length_m = 0;                                 // along the path
  std::array<double, kTransitPeriods> headway_min{};   // 0: no service in that period
  std::array<double, kTransitPeriods> run_time_min{};  // end to end at the period's commercial speed
  std::array<bool, 7> weekdays{true, true, true, true, true, true, true};  // Monday..Sunday it runs
  double fare_soles = 0;
};

// A line's end-to-end run time in each period (min) at that period's speed (km/h).
inline std::array<double, kTransitPeriods> run_times_min(double length_m, const std::vector<double>& speed_kmh) {
  std::array<double, kTransitPeriods> minutes{};
  for (std::size_t period = 0; period < kTransitPeriods; ++period) {
    minutes[period] = length_m / 1000.0 / speed_kmh[period] * 60.0;
  }
  return minutes;
}

// The timetable of a line no feed or scenario times: `headway_min` x `factor` all day, and a thin
// night service (period 0) three times as long [EST].
inline std::array<double, kTransitPeriods> default_headways(double headway_min, double factor = 1.0) {
  std::array<double, kTransitPeriods> headway{};
  headway.fill(headway_min * factor);
  headway[0] = 3 * headway_min * factor;
  return headway;
}

struct TransitSystem {
  std::string feed;  // the file the lines came from; empty when the city has none
  std::vector<TransitStop> stops;
  std::vector<TransitLine> lines;
  std::vector<std::string> skipped_routes;  // "route_id: reason" for every route not imported
};

}  // namespace munisim
