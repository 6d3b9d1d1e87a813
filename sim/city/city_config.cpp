#include "sim/city/city_config.hpp"

#include <cmath>
#include <cstdio>
#include <set>

namespace munisim {
namespace {

constexpr std::size_t kAgeGroups = 5;
constexpr std::size_t kIncomeGroups = 3;
constexpr std::size_t kWasteFractionCount = 6;  // the waste service's fractions

void check_sums_to_one(schema::Checks& checks, std::string_view key, const std::vector<double>& shares) {
  double sum = 0;
  for (double share : shares) sum += share;
  if (std::abs(sum - 1.0) > 1e-6) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", sum);
    checks.fail(key, "shares sum to " + std::string(text) + "; expected 1");
  }
}

void check_length(schema::Checks& checks, std::string_view key, const std::vector<double>& values, std::size_t expected,
                  std::string_view what) {
  if (values.size() != expected) {
    checks.fail(key, "has " + std::to_string(values.size()) + " values; expected " + std::to_string(expected) + " (" +
                         std::string(what) + ")");
  }
}

}  // namespace

void DistrictConfig::check(schema::Checks& checks) const {
  if (households > population) checks.fail("households", "exceeds population; expected at most population");
  if (!waste_composition.empty()) {
    check_length(checks, "waste_composition", waste_composition, kWasteFractionCount,
                 "organic, paper_cardboard, plastic, glass, metal, other");
    if (waste_composition.size() == kWasteFractionCount)
      check_sums_to_one(checks, "waste_composition", waste_composition);
  }
}

void PopulationConfig::check(schema::Checks& checks) const {
  check_length(checks, "age_group_shares", age_group_shares, kAgeGroups, "0-14, 15-29, 30-44, 45-64, 65+");
  if (age_group_shares.size() == kAgeGroups) check_sums_to_one(checks, "age_group_shares", age_group_shares);
  check_length(checks, "digital_access_by_income", digital_access_by_income, kIncomeGroups, "low, middle, high");
  check_length(checks, "high_income_share_by_level", high_income_share_by_level, kIncomeGroups, "low, middle, high");
}

void TransitConfig::check(schema::Checks& checks) const {
  check_length(checks, "commercial_speed_kmh", commercial_speed_kmh, kTransitPeriods,
               "night, am_peak, midday, pm_peak, evening");
  if (!headway_min.empty()) {
    check_length(checks, "headway_min", headway_min, kTransitPeriods, "night, am_peak, midday, pm_peak, evening");
  }
}

void CityConfig::check(schema::Checks& checks) const {
  const bool has_streets = !streets.osm.empty() || !streets.search_index.empty() || streets.transit_shapes;
  if (!has_streets && (!boundaries.geojson.empty() || !transit.gtfs.empty())) {
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
