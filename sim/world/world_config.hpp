// A world scenario: several cities run day by day on one calendar, each a municipality that
// exchanges reports and letters with the nation (docs/world.md). The cities are full city scenarios
// or ubigeos expanded to their municipalities from the national tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/nation/nation_config.hpp"

namespace munisim {

// The whole country as a `cities[].ubigeo`.
inline constexpr const char* kWholeCountry = "all";

struct WorldCityConfig {
  std::string scenario;
  std::string ubigeo;
  std::int64_t sampling = 0;
  std::vector<std::string> set = {};

  template <class V>
  void visit(V& v) {
    v.field("scenario", scenario,
            {.meaning = "a city scenario file (relative to the world file): one municipality; its start_date, days "
                        "and seed yield to the world's"});
    v.field("ubigeo", ubigeo,
            {.meaning = "a department (2 digits), province (4) or district (6) of Peru, or `all`: one municipality per "
                        "district of the national tables (docs/world.md)"});
    v.field("sampling", sampling,
            {.unit = "persons/agent",
             .meaning = "1:k sampling of these municipalities; 0: the world's sampling (a `scenario` keeps its own "
                        "unless this is given)",
             .min = 0,
             .max = 1000000});
    v.field("set", set,
            {.meaning = "overrides for these cities, as `--set` takes them, e.g. `waste.fleet.trucks=12`"});
  }
  void check(schema::Checks& checks) const {
    if (scenario.empty() == ubigeo.empty()) {
      checks.fail(scenario.empty() ? "ubigeo" : "scenario",
                  "give exactly one of `scenario` (a city scenario file) and `ubigeo` (codes from the national tables)");
    }
    const bool digits = !ubigeo.empty() && ubigeo.find_first_not_of("0123456789") == std::string::npos;
    if (!ubigeo.empty() && ubigeo != kWholeCountry &&
        !(digits && (ubigeo.size() == 2 || ubigeo.size() == 4 || ubigeo.size() == 6))) {
      checks.fail("ubigeo", "'" + ubigeo + "' is not a ubigeo: expected 2 digits (a department), 4 (a province), 6 (a "
                            "district) or `all` (quote codes: \"0101\")");
    }
  }
};

struct WorldConfig {
  std::string name;
  std::string description;
  Date start_date{2025, 1, 1};
  std::int64_t days = 365;
  std::int64_t seed = 1;
  std::string data_dir;
  std::int64_t sampling = 100;
  std::string municipality_scenario;
  std::vector<WorldCityConfig> cities;
  nation::NationConfig nation;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "world name, used in outputs", .required = true});
    v.field("description", description, {.meaning = "free text"});
    v.field("start_date", start_date, {.unit = "date", .meaning = "first simulated day of every city, YYYY-MM-DD"});
    v.field("days", days, {.unit = "days", .meaning = "number of simulated days of every city", .min = 1, .max = 36500});
    v.field("seed", seed,
            {.meaning = "world seed; each city's seed is derived from it and the city's ubigeo (or name), so adding "
                        "a city changes no other",
             .min = 0,
             .max = 9007199254740991.0});
    v.field("data_dir", data_dir,
            {.meaning = "folder of the public data tables (relative to the world file); else --data-dir or the "
                        "MUNISIM_DATA_DIR environment variable"});
    v.field("sampling", sampling,
            {.unit = "persons/agent",
             .meaning = "1:k sampling of the municipalities expanded from ubigeos",
             .min = 1,
             .max = 1000000});
    v.field("municipality_scenario", municipality_scenario,
            {.meaning = "a city scenario file (relative to the world file) whose keys every municipality expanded "
                        "from a ubigeo takes (e.g. governance); empty: the defaults"});
    v.list("cities", cities,
           {.meaning = "the world's cities, in the order of the output; each entry gives `scenario` or `ubigeo`",
            .min = 1});
    v.object("nation", nation,
             {.meaning = "the national agent: funding mechanisms and learning network (docs/nation.md)"});
  }
};

}  // namespace munisim
