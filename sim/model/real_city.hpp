// A city on real data: streets from OpenStreetMap (or a substitute where none exists), districts
// by their boundaries, homes weighted by buildings, facilities at their coordinates and transit
// lines from GTFS. Without the data folder the city falls back to the synthetic one and says so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {

class Parallelism;

struct CityBuild {
  City city;
  std::vector<std::string> notes;     // sources and rules, recorded in /meta
  std::vector<std::string> warnings;  // also shown on the terminal
};

// Whether the scenario asks for any real street, boundary or transit data.
[[nodiscard]] bool names_real_data(const CityConfig& config);

// The synthetic city when the scenario names no real data.
[[nodiscard]] CityBuild build_city(const Scenario& scenario, std::uint64_t seed, Parallelism& parallel);

}  // namespace munisim
