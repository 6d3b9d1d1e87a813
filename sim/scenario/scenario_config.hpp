// The root of a scenario: run settings plus one config struct per domain.
#pragma once

#include <cstdint>
#include <string>

#include "sim/city/city_config.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/governance/governance_config.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {

// What a run writes besides the series.
struct TracesConfig {
  std::vector<double> days = {};  // 1-based day numbers

  template <class V>
  void visit(V& v) {
    v.field("days", days,
            {.unit = "day numbers (1 = start_date)",
             .meaning = "days on which the vehicles' real movements (waste trucks on their routes) are recorded in "
                        "/events for the web viewer; empty: none",
             .min = 1,
             .max = 36500});
  }
};

struct OutputConfig {
  TracesConfig traces;

  template <class V>
  void visit(V& v) {
    v.object("traces", traces, {.meaning = "vehicle traces for the web viewer (munisim view)"});
  }
};

struct ScenarioConfig {
  std::string name;
  std::string description;
  Date start_date{2025, 1, 1};
  std::int64_t days = 365;
  std::int64_t seed = 1;
  std::string data_dir;
  CityConfig city;
  WasteConfig waste;
  MobilityConfig mobility;
  ClimateConfig climate;
  GovernanceConfig governance;
  OutputConfig output;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "scenario name, used in outputs", .required = true});
    v.field("description", description, {.meaning = "free text"});
    v.field("start_date", start_date, {.unit = "date", .meaning = "first simulated day, YYYY-MM-DD"});
    v.field("days", days, {.unit = "days", .meaning = "number of simulated days", .min = 1, .max = 36500});
    v.field("seed", seed, {.meaning = "random seed; same seed, same results", .min = 0, .max = 9007199254740991.0});
    v.field("data_dir", data_dir,
            {.meaning = "folder of the public data tables (relative to the scenario file); else --data-dir or "
                        "the MUNISIM_DATA_DIR environment variable"});
    v.object("city", city, {.meaning = "the city: districts, network, facilities, population"});
    v.object("waste", waste, {.meaning = "the solid-waste service"});
    v.object("mobility", mobility, {.meaning = "daily travel: trips, mode choice, transit loads, road congestion"});
    v.object("climate", climate, {.meaning = "emission factors shared by all services"});
    v.object("governance", governance,
             {.meaning = "departments, citizens' satisfaction and complaints, management model, municipal finances"});
    v.object("output", output, {.meaning = "what the HDF5 output records besides the series"});
  }
  // Rules across domains: the services' facilities and districts must exist in the city.
  void check(schema::Checks& checks) const;
};

}  // namespace munisim
