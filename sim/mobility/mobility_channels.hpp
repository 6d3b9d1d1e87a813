// What the mobility service publishes to other domains every day, written by "mobility.travel" at
// the end of the day's travel. Channel names and plain structs only; units in docs/architecture.md.
#pragma once

#include <cstddef>
#include <vector>

namespace munisim {

inline constexpr const char* kMobilityDayChannel = "mobility.day";
inline constexpr const char* kRoadCongestionChannel = "mobility.road_congestion";
// Read by "mobility.measures" with previous-day timing: measures adopted the day before (e.g. by a
// planning department), applied on the day they are read. Type: std::vector<mobility::Measure>.
inline constexpr const char* kMobilityAdoptedMeasuresChannel = "mobility.adopted_measures";

// Index layouts: [district][mode], [gender][mode], [line][hour], [district][gender], row-major;
// modes, genders and lines in the order of the mobility series' labels.
struct MobilityDay {
  std::size_t districts = 0, genders = 0, modes = 0, lines = 0;
  std::vector<double> trips_by_district_mode;  // by the district where trips start
  std::vector<double> trips_by_gender_mode;
  std::vector<double> transit_wait_min_by_gender;  // mean wait per transit trip
  std::vector<double> denied_boardings_by_line_hour;
  std::vector<double> crowded_boardings_by_line_hour;  // boardings onto line-hours above the crowded load factor
  // What transit riders lived, by the district where their trips start and gender (see
  // sim/mobility/transit_experience.hpp): trips, their mean wait (min, as transit_wait_min_by_gender;
  // 0 without trips), denied boarding attempts and boardings onto crowded vehicles (the line-hour
  // figures shared out over the riders of each line-hour; they sum to the line-hour totals), and
  // their mean perceived insecurity in [0, 1].
  std::vector<double> transit_trips_by_district_gender;
  std::vector<double> transit_wait_min_by_district_gender;
  std::vector<double> denied_by_district_gender;
  std::vector<double> crowded_by_district_gender;
  std::vector<double> insecurity_by_district_gender;
  double operator_cost_soles = 0;
  double fare_revenue_soles = 0;
  double emissions_tco2e = 0;  // all vehicles, tank-to-wheel
};

struct RoadCongestion {
  static constexpr std::size_t kHours = 24;
  std::size_t districts = 0;
  // [(origin * districts + destination) * 24 + hour]: the day's driving time between the districts'
  // centres over its free-flow time (1: no delay). Empty until mobility has run a day.
  std::vector<double> travel_time_factor;
};

}  // namespace munisim
