// A built city: districts, the street network, facilities and the synthesised population.
// Service domains read it; how it was made (synthetic or imported) is recorded in `source`.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/city/city_config.hpp"
#include "sim/city/transit.hpp"
#include "sim/core/agent_table.hpp"
#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"
#include "sim/core/polygon.hpp"

namespace munisim {

class Parallelism;

enum class IncomeLevel : std::uint8_t { low, middle, high };
inline constexpr int kGenders = 2;  // 0 female, 1 male, as the census reports them
// node_district of a street node outside every district of the city (a road beyond its limits).
inline constexpr std::uint32_t kNoDistrict = std::numeric_limits<std::uint32_t>::max();

struct District : DistrictFacts {
  IncomeLevel income_level = IncomeLevel::middle;
  std::vector<NodeId> nodes;         // network nodes inside the district
  std::vector<double> node_weights;  // relative chance a household lives at each of `nodes`; empty: equal
  double centroid_x_m = 0;
  double centroid_y_m = 0;
};

struct Facility {
  std::string name;
  std::string kind;
  std::uint32_t district = 0;
  NodeId node = 0;
  double capacity_t_per_day = 0;  // 0: not stated
  double gate_fee_soles_per_t = 0;
};

struct City {
  std::string name;
  std::string source;  // "synthetic", or the files the streets came from
  std::int64_t sampling = 1;
  std::vector<District> districts;
  std::optional<LocalProjection> projection;  // the metric frame of real data; none for a synthetic city
  std::vector<Area> district_areas;           // each district's boundary where known, else an empty Area
  RoadNetwork network;                        // the drive network every vehicle uses
  RoadNetwork walk_network;                   // real streets only: where people may walk
  std::vector<std::uint32_t> node_district;   // district index of every network node, or kNoDistrict
  std::vector<Facility> facilities;
  TransitSystem transit;
  AgentTable households;  // columns: district, home_node, size, income_group, weight_households
  AgentTable citizens;    // columns: household, district, gender, age_group, income_group, employed,
                          //          digital_access, weight_persons; a citizen's home is its household's
};

[[nodiscard]] std::vector<std::string> district_labels(const City& city);
[[nodiscard]] const std::vector<std::string>& gender_labels();
[[nodiscard]] const std::vector<std::string>& age_group_labels();
[[nodiscard]] const std::vector<std::string>& income_group_labels();

// The steps every way of building a city shares.
[[nodiscard]] std::vector<District> districts_from_config(const CityConfig& config);
// Fills each district's nodes and centroid from node_district; InputError for a district with none.
void index_district_nodes(City& city);
// Households per district, weighted by sampling.
[[nodiscard]] std::vector<double> weighted_households(const City& city);
// Index of the district with that name; InputError at `key` when there is none.
[[nodiscard]] std::uint32_t district_index(const City& city, const std::string& name, const std::string& key);
// The district's node nearest its centroid (the lowest id among equally near ones).
[[nodiscard]] NodeId central_node(const City& city, const District& district);
// Facilities at their coordinates where the city has a projection and the config gives them, else
// at their position rule within their district.
void place_facilities(City& city, const std::vector<FacilityConfig>& facilities);

// Builds a synthetic city from its config: grid network, districts on it, population.
[[nodiscard]] City build_synthetic_city(const CityConfig& config, std::uint64_t seed, Parallelism& parallel);

}  // namespace munisim
