#include "sim/scenario/scenario_config.hpp"

#include <algorithm>

namespace munisim {
namespace {

bool has_facility(const CityConfig& city, const std::string& name, std::initializer_list<std::string_view> kinds) {
  return std::any_of(city.facilities.begin(), city.facilities.end(), [&](const FacilityConfig& facility) {
    const bool kind_fits = std::find(kinds.begin(), kinds.end(), facility.kind) != kinds.end();
    return kind_fits && (name.empty() || facility.name == name);
  });
}

}  // namespace

void ScenarioConfig::check(schema::Checks& checks) const {
  const CollectionConfig& collection = waste.collection;
  if (!has_facility(city, collection.depot, {"depot"}) && (waste.fleet.trucks > 0 || !collection.depot.empty())) {
    checks.fail("waste.collection.depot",
                collection.depot.empty() ? "trucks need a depot; expected a facility of kind depot in city.facilities"
                                         : "'" + collection.depot + "' is not a depot in city.facilities");
  }
  if (!has_facility(city, collection.disposal_site, {"open_dump", "sanitary_landfill"}) &&
      (waste.fleet.trucks > 0 || !collection.disposal_site.empty())) {
    checks.fail("waste.collection.disposal_site",
                collection.disposal_site.empty()
                    ? "trucks need a disposal site; expected an open_dump or sanitary_landfill in city.facilities"
                    : "'" + collection.disposal_site + "' is not an open_dump or sanitary_landfill in city.facilities");
  }
}

}  // namespace munisim
