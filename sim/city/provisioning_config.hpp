// What a scenario says about the services a city built from the national tables (city.ubigeo)
// receives by rule: depot, disposal site, collection fleet and days, bus lines, departments and
// budget. Each rule, its constants and their sources: docs/provisioning.md. Keys the scenario
// writes itself always win over what a rule would give.
#pragma once

#include <cstdint>

namespace munisim {

struct ProvisioningConfig {
  bool enabled = true;
  double landfill_share = 0.52;
  double trips_per_truck_day = 2;
  double fleet_reserve_share = 0.1;
  std::int64_t daily_collection_min_population = 20000;
  std::int64_t bus_lines_min_population = 50000;
  double persons_per_bus_line = 15000;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled,
            {.meaning = "with city.ubigeo: give the city its depot, disposal site, fleet, collection days, bus "
                        "lines, departments and budget by the rules of docs/provisioning.md"});
    v.field("landfill_share", landfill_share,
            {.unit = "1",
             .meaning = "chance that a province's disposal site is a sanitary landfill rather than an open dump "
                        "(drawn once per province from its ubigeo, the same in every run)",
             .min = 0,
             .max = 1,
             .source = "MINAM ~2019: 52 % of waste to sanitary landfills, 48 % to dumps (FACTS.md §1.1)"});
    v.field("trips_per_truck_day", trips_per_truck_day,
            {.unit = "trips/(truck day)",
             .meaning = "loads a truck takes to the disposal site per shift, for sizing the fleet",
             .min = 0.1,
             .max = 10,
             .source = "[EST] 2-3 trips a shift (scenarios/trujillo.yaml fleet note)"});
    v.field("fleet_reserve_share", fleet_reserve_share,
            {.unit = "1",
             .meaning = "trucks kept beyond the need, for breakdowns and repairs",
             .min = 0,
             .max = 2,
             .source = "[EST] breakdowns 2 %/day x 2 repair days keep ~4 % out of service"});
    v.field("daily_collection_min_population", daily_collection_min_population,
            {.unit = "persons",
             .meaning = "urban population from which a city is collected 6 days a week; smaller ones 3 days",
             .min = 0,
             .source = "[EST]"});
    v.field("bus_lines_min_population", bus_lines_min_population,
            {.unit = "persons",
             .meaning = "population from which a city gets generated bus lines on its streets (none below it: "
                        "the mobility service then links the districts by its own synthetic lines)",
             .min = 0,
             .source = "[EST]"});
    v.field("persons_per_bus_line", persons_per_bus_line,
            {.unit = "persons/line",
             .meaning = "residents per generated bus line",
             .min = 1000,
             .source = "[DER] Trujillo 1.22 M / 102 OMUS routes = 12,000; Arequipa 1.30 M / 79 SIT routes = "
                       "16,400 (FACTS.md §2)"});
  }
};

}  // namespace munisim
