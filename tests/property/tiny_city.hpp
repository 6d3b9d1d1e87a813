// Small valid scenarios drawn at random for property tests: a hand-sized city (one to three
// districts, a few thousand people each, a depot and a dump, a few trucks, a bus line or two),
// mobility and governance on or off. The scenario is plain YAML, so a failing case can be saved
// and replayed as a file.
#pragma once

#include <rapidcheck.h>

#include <ostream>
#include <string>
#include <vector>

namespace munisim::property {

struct TinyDistrict {
  int population = 0;      // persons
  double area_km2 = 0;
  int income_level = 0;    // low, middle, high
  double poverty_share = 0;
};

struct TinyLine {
  std::vector<int> districts;  // indices, at least two, in running order
  int headway_min = 0;
  bool bus = false;            // else combi
};

struct TinyCity {
  int days = 0;
  int seed = 0;
  std::vector<TinyDistrict> districts;
  int dump_district = 0;
  int trucks = 0;
  int capacity_t = 0;
  int collection_days_per_week = 0;
  int recyclers = 0;
  bool mobility = false;
  std::vector<TinyLine> lines;
  bool governance = false;
  bool integrated = false;
};

[[nodiscard]] std::string to_scenario_yaml(const TinyCity& city);
[[nodiscard]] rc::Gen<TinyCity> tiny_cities();

// How RapidCheck prints a counterexample: the scenario itself.
void showValue(const TinyCity& city, std::ostream& os);

}  // namespace munisim::property
