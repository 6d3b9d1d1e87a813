#include "sim/scenario/scenario_config.hpp"

#include <algorithm>
#include <cmath>

namespace munisim {
namespace {

bool has_facility(const CityConfig& city, const std::string& name, std::initializer_list<std::string_view> kinds) {
  return std::any_of(city.facilities.begin(), city.facilities.end(), [&](const FacilityConfig& facility) {
    const bool kind_fits = std::find(kinds.begin(), kinds.end(), facility.kind) != kinds.end();
    return kind_fits && (name.empty() || facility.name == name);
  });
}

// With city.ubigeo the district names come from the tables, checked when the city is built.
void check_districts(schema::Checks& checks, const CityConfig& city, const std::string& key,
                     const std::vector<std::string>& districts) {
  if (!city.ubigeo.empty()) return;
  for (std::size_t k = 0; k < districts.size(); ++k) {
    const bool known = std::any_of(city.districts.begin(), city.districts.end(),
                                   [&](const DistrictConfig& d) { return d.name == districts[k]; });
    if (!known) {
      checks.fail(key + ".districts[" + std::to_string(k) + "]",
                  "'" + districts[k] + "' is not a district of this city; expected one of city.districts");
    }
  }
}

// A waste measure's districts and site must exist in the city; `key` is where it is written.
void check_waste_measure(schema::Checks& checks, const CityConfig& city, const std::string& key,
                         const WasteMeasureConfig& measure) {
  check_districts(checks, city, key, measure.districts);
  if (measure.kind == "disposal_site" && !measure.site.empty() &&
      !has_facility(city, measure.site, {"open_dump", "sanitary_landfill"})) {
    checks.fail(key + ".site", "'" + measure.site + "' is not an open_dump or sanitary_landfill in city.facilities");
  }
  for (const char* kind : {"composting_plant", "transfer_station"}) {
    if (measure.kind == kind && !measure.site.empty() && !has_facility(city, measure.site, {kind})) {
      checks.fail(key + ".site", "'" + measure.site + "' is not a " + kind + " in city.facilities");
    }
  }
}

}  // namespace

void ScenarioConfig::check(schema::Checks& checks) const {
  for (std::size_t i = 0; i < output.traces.days.size(); ++i) {
    const double day = output.traces.days[i];
    if (day != std::floor(day) || day > static_cast<double>(days)) {
      checks.fail("output.traces.days[" + std::to_string(i) + "]",
                  std::to_string(day) + " is not a whole day number from 1 to days (" + std::to_string(days) + ")");
    }
  }
  for (std::size_t i = 0; i < waste.measures.size(); ++i) {
    check_waste_measure(checks, city, "waste.measures[" + std::to_string(i) + "]", waste.measures[i]);
  }
  for (std::size_t i = 0; i < governance.plan.size(); ++i) {
    const PlanEntryConfig& entry = governance.plan[i];
    const std::string key = "governance.plan[" + std::to_string(i) + "]";
    if (entry.service == "waste") {
      check_waste_measure(checks, city, key, entry.waste_measure(entry.earliest_date));
    } else if (!mobility.enabled) {
      checks.fail(key + ".service", "a mobility measure needs mobility.enabled: true");
    } else {
      check_districts(checks, city, key, entry.districts);
    }
  }
  for (std::size_t i = 0; i < mobility.transit.lines.size(); ++i) {
    check_districts(checks, city, "mobility.transit.lines[" + std::to_string(i) + "]",
                    mobility.transit.lines[i].districts);
  }
  for (std::size_t i = 0; i < mobility.measures.size(); ++i) {
    check_districts(checks, city, "mobility.measures[" + std::to_string(i) + "]", mobility.measures[i].districts);
  }
  const CollectionConfig& collection = waste.collection;
  // A city from city.ubigeo receives a depot and a disposal site by rule where it names none.
  const bool provisioned = !city.ubigeo.empty() && city.provisioning.enabled;
  const bool trucks = !provisioned && (waste.fleet.trucks > 0 ||
                                       std::any_of(waste.measures.begin(), waste.measures.end(), [](const auto& m) {
                                         return m.kind == "fleet_size" && m.value > 0;
                                       }));
  if (!has_facility(city, collection.depot, {"depot"}) && (trucks || !collection.depot.empty())) {
    checks.fail("waste.collection.depot",
                collection.depot.empty() ? "trucks need a depot; expected a facility of kind depot in city.facilities"
                                         : "'" + collection.depot + "' is not a depot in city.facilities");
  }
  if (!collection.transfer_station.empty() && !has_facility(city, collection.transfer_station, {"transfer_station"})) {
    checks.fail("waste.collection.transfer_station",
                "'" + collection.transfer_station + "' is not a transfer_station in city.facilities");
  }
  if (!has_facility(city, collection.disposal_site, {"open_dump", "sanitary_landfill"}) &&
      (trucks || !collection.disposal_site.empty())) {
    checks.fail("waste.collection.disposal_site",
                collection.disposal_site.empty()
                    ? "trucks need a disposal site; expected an open_dump or sanitary_landfill in city.facilities"
                    : "'" + collection.disposal_site + "' is not an open_dump or sanitary_landfill in city.facilities");
  }
}

}  // namespace munisim
