// What the waste service publishes to other domains (e.g. a waste department), and the commands it
// takes from them. Channel names and plain structs only; docs/architecture.md lists them with units.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace munisim::waste {

// Written by "waste.accounting" every day, read same-day by systems registered after waste.
inline constexpr const char* kDistrictsChannel = "waste.districts";
inline constexpr const char* kCityChannel = "waste.city";
// Read by "waste.collection" with previous-day timing; written by whoever directs the service.
inline constexpr const char* kDirectivesChannel = "waste.directives";
// Read by "waste.measures" with previous-day timing: measures adopted the day before (e.g. by a
// planning department), applied on the day they are read. Type: std::vector<waste::Measure>.
inline constexpr const char* kAdoptedMeasuresChannel = "waste.adopted_measures";

// Per district, index = district; all tonnes are of that day.
struct DistrictDay {
  std::vector<double> generated_t;
  std::vector<double> set_out_t;
  std::vector<double> collected_t;
  std::vector<double> street_stock_t;  // backlog left at the kerb after the day's collection
  std::vector<double> illegally_dumped_t;
  std::vector<std::uint8_t> missed_visit;    // 1: a scheduled zone collection left unfinished today
  std::vector<std::uint8_t> collection_day;  // 1: today is a scheduled collection day in the district
};

// Items of cost_soles, in this order (the series waste_cost_soles has the same item labels).
inline constexpr std::array<const char*, 4> kCostItems = {"energy", "vehicle_running", "crew", "gate_fees"};

struct CityDay {
  std::array<double, kCostItems.size()> cost_soles{};
  double emissions_tco2e = 0;  // truck energy + disposal methane committed + composting
  double avoided_tco2e = 0;    // recycling (informal and formal) and composting instead of disposal
  double separating_share = 0;  // 1, households separating recyclables (waste_separating_households_city_share)
  int trucks_in_fleet = 0;
  int trucks_available = 0;  // in the fleet and not under repair
};

// Commands to the collection service. The default value means "no directive": the service runs
// its own plan, so a scenario without anyone writing this channel behaves as if it did not exist.
struct Directives {
  // Per district (empty: none): 1 sends trucks that have shift time left after their routes to
  // collect the district's street stock on a day it is not scheduled.
  std::vector<std::uint8_t> recovery_visit_by_district;
  int trucks_in_service = -1;  // at most this many available trucks work today; -1: all of them
  int spare_trucks = 0;        // pool vehicles that stand in for trucks under repair today
};

}  // namespace munisim::waste
