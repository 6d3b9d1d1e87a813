#include "sim/city/city_config.hpp"

#include <set>

#include "sim/core/list_checks.hpp"

namespace munisim {
void DistrictConfig::check(schema::Checks& checks) const {
  if (households > population) checks.fail("households", "exceeds population; expected at most population");
  if (!waste_composition.empty()) {
    if (schema::check_count(checks, "waste_composition", waste_composition, kWasteFractions,
                            "organic, paper_cardboard, plastic, glass, metal, other")) {
      schema::check_sum(checks, "waste_composition", waste_composition, 1);
    }
  }
}

void PopulationConfig::check(schema::Checks& checks) const {
  if (schema::check_count(checks, "age_group_shares", age_group_shares, kAgeGroups, "0-14, 15-29, 30-44, 45-64, 65+")) {
    schema::check_sum(checks, "age_group_shares", age_group_shares, 1);
  }
  schema::check_count(checks, "digital_access_by_income", digital_access_by_income, kIncomeGroups, "low, middle, high");
  schema::check_count(checks, "high_income_share_by_level", high_income_share_by_level, kIncomeGroups,
                      "low, middle, high");
}

void TransitConfig::check(schema::Checks& checks) const {
  schema::check_count(checks, "commercial_speed_kmh", commercial_speed_kmh, kTransitPeriods,
                      "night, am_peak, midday, pm_peak, evening");
  if (!headway_min.empty()) {
    schema::check_count(checks, "headway_min", headway_min, kTransitPeriods,
                        "night, am_peak, midday, pm_peak, evening");
  }
}

void CityConfig::check(schema::Checks& checks) const {
  if (!streets.names_real_streets() && (!boundaries.geojson.empty() || !transit.gtfs.empty())) {
    checks.fail("streets",
                "names no real streets, but boundaries or transit are given; expected streets.osm, "
                "streets.search_index or streets.transit_shapes");
  }
  if (streets.transit_shapes && transit.gtfs.empty()) {
    checks.fail("streets.transit_shapes", "is true but transit.gtfs names no feed; expected a GTFS feed to draw from");
  }
  if (districts.empty() && ubigeo.empty()) {
    checks.fail("districts", "has 0 entries; expected at least 1, or districts named by city.ubigeo");
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < districts.size(); ++i) {
    if (!names.insert(districts[i].name).second) {
      checks.fail("districts[" + std::to_string(i) + "].name",
                  "'" + districts[i].name + "' appears twice; expected unique district names");
    }
  }
  std::set<std::string> facility_names;
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    // Services pick facilities by name, so a name must say which one.
    if (!facility_names.insert(facilities[i].name).second) {
      checks.fail("facilities[" + std::to_string(i) + "].name",
                  "'" + facilities[i].name + "' appears twice; expected unique facility names");
    }
    // With ubigeo the district names come from the tables, checked when the city is built.
    if (ubigeo.empty() && !names.contains(facilities[i].district)) {
      checks.fail("facilities[" + std::to_string(i) + "].district",
                  "'" + facilities[i].district + "' is not a district of this city; expected one of city.districts");
    }
  }
}

}  // namespace munisim
