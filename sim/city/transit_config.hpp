// What a scenario says about public transport routes: the GTFS feed to import and the figures
// that replace what feeds carry only as their generator's defaults (speeds, some headways, fares).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/schema.hpp"

namespace munisim {

// The service day's periods by starting hour; headways and speeds are given per period.
inline constexpr std::array<int, 5> kTransitPeriodStartHour = {0, 6, 9, 17, 20};
inline constexpr std::size_t kTransitPeriods = kTransitPeriodStartHour.size();
inline constexpr std::array<const char*, kTransitPeriods> kTransitPeriodNames = {"night", "am_peak", "midday",
                                                                                 "pm_peak", "evening"};

struct TransitConfig {
  std::string gtfs;
  std::vector<double> commercial_speed_kmh = {22, 20, 20, 20, 22};
  std::vector<double> headway_min = {};
  double default_headway_min = 10;
  double default_fare_soles = 1.0;
  double max_stop_snap_m = 400;

  template <class V>
  void visit(V& v) {
    v.field("gtfs", gtfs,
            {.meaning = "GTFS feed (.zip or folder) relative to data_dir; empty: no imported transit lines"});
    v.field("commercial_speed_kmh", commercial_speed_kmh,
            {.unit = "km/h",
             .meaning = "bus speed including stops in free-flowing traffic, by period night 0-6 h, am_peak 6-9 h, "
                        "midday 9-17 h, pm_peak 17-20 h, evening 20-24 h (with mobility on, the hour's road congestion "
                        "slows it further); replaces the feeds' tool-default travel times",
             .min = 3,
             .max = 80,
             .source = "[EST] OMUS Trujillo feed implies 16 km/h median; Lima bus trip 14.1 km in 31.5 min (FACTS.md "
                       "§2.4)"});
    v.field("headway_min", headway_min,
            {.unit = "min",
             .meaning = "headway of every line by the same five periods (0: no service), replacing the feed's "
                        "frequencies; empty: use the feed",
             .min = 0,
             .max = 720,
             .source = "[EST] where a feed's frequencies are its generator's default"});
    v.field("default_headway_min", default_headway_min,
            {.unit = "min",
             .meaning = "headway of a line whose trip has no frequencies and no repeated departures",
             .min = 1,
             .max = 720,
             .source = "[EST]"});
    v.field("default_fare_soles", default_fare_soles,
            {.unit = "soles",
             .meaning = "fare of a line the feed gives no fare (or a fare of 0, meaning unknown)",
             .min = 0,
             .max = 50,
             .source = "[EST] SIT Arequipa feed: PEN 1.0"});
    v.field("max_stop_snap_m", max_stop_snap_m,
            {.unit = "m",
             .meaning = "a stop farther than this from every street node is reported as far from the network",
             .min = 1,
             .max = 100000});
  }
  void check(schema::Checks& checks) const;
};

}  // namespace munisim
