// A built city: districts, the street network, facilities and the synthesised population.
// Service domains read it; how it was made (synthetic or imported) is recorded in `source`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/city/city_config.hpp"
#include "sim/core/agent_table.hpp"
#include "sim/core/graph.hpp"

namespace munisim {

class Parallelism;

enum class IncomeLevel : std::uint8_t { low, middle, high };
inline constexpr int kIncomeGroups = 3;
inline constexpr int kAgeGroups = 5;
inline constexpr int kGenders = 2;  // 0 female, 1 male, as the census reports them

struct District {
  std::string name;
  std::string ubigeo;
  std::int64_t population = 0;
  std::int64_t households = 0;
  double area_km2 = 0;
  IncomeLevel income_level = IncomeLevel::middle;
  double poverty_share = 0;
  std::int64_t urban_population = 0;  // in the waste table's year
  std::int64_t rural_population = 0;
  double msw_t_per_yr = 0;
  double latitude = 0;
  double longitude = 0;
  std::vector<NodeId> nodes;  // network nodes inside the district
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
  std::string source;  // "synthetic" until real-data import exists
  std::int64_t sampling = 1;
  std::vector<District> districts;
  RoadNetwork network;
  std::vector<std::uint32_t> node_district;  // district index of every network node
  std::vector<Facility> facilities;
  AgentTable households;  // columns: district, home_node, size, income_group, weight_households
  AgentTable citizens;    // columns: household, district, home_node, gender, age_group, income_group,
                          //          employed, digital_access, weight_persons
};

[[nodiscard]] std::vector<std::string> district_labels(const City& city);
[[nodiscard]] const std::vector<std::string>& gender_labels();
[[nodiscard]] const std::vector<std::string>& age_group_labels();
[[nodiscard]] const std::vector<std::string>& income_group_labels();

// Builds a synthetic city from its config: grid network, districts on it, population.
[[nodiscard]] City build_synthetic_city(const CityConfig& config, std::uint64_t seed, Parallelism& parallel);

}  // namespace munisim
