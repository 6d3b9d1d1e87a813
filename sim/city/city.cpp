#include "sim/city/city.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/city/population.hpp"
#include "sim/city/synthetic_network.hpp"
#include "sim/core/error.hpp"

namespace munisim {
namespace {

IncomeLevel income_level_from(const std::string& name) {
  if (name == "low") return IncomeLevel::low;
  if (name == "high") return IncomeLevel::high;
  return IncomeLevel::middle;
}

double squared_distance(const RoadNetwork& network, NodeId node, double x, double y) {
  const double dx = network.node_x(node) - x;
  const double dy = network.node_y(node) - y;
  return dx * dx + dy * dy;
}

// "centre": the district node nearest its centroid; "edge": the one farthest from the
// population-weighted city centre (where a dump or landfill usually lies).
NodeId facility_node(const City& city, const District& district, const std::string& position) {
  if (position != "edge") return central_node(city, district);
  double population = 0, centre_x = 0, centre_y = 0;
  for (const District& other : city.districts) {
    const auto weight = static_cast<double>(other.population);
    centre_x += weight * other.centroid_x_m;
    centre_y += weight * other.centroid_y_m;
    population += weight;
  }
  centre_x /= population;
  centre_y /= population;
  return *std::max_element(district.nodes.begin(), district.nodes.end(), [&](NodeId a, NodeId b) {
    return squared_distance(city.network, a, centre_x, centre_y) <
           squared_distance(city.network, b, centre_x, centre_y);
  });
}

}  // namespace

void index_district_nodes(City& city) {
  for (District& district : city.districts) district.nodes.clear();
  for (std::size_t node = 0; node < city.node_district.size(); ++node) {
    if (city.node_district[node] == kNoDistrict) continue;
    city.districts[city.node_district[node]].nodes.push_back(static_cast<NodeId>(node));
  }
  for (District& district : city.districts) {
    if (district.nodes.empty()) {
      throw InputError({}, "city.districts", "district '" + district.name + "' has no street node");
    }
    double x = 0;
    double y = 0;
    for (NodeId node : district.nodes) {
      x += city.network.node_x(node);
      y += city.network.node_y(node);
    }
    district.centroid_x_m = x / static_cast<double>(district.nodes.size());
    district.centroid_y_m = y / static_cast<double>(district.nodes.size());
  }
}

NodeId central_node(const City& city, const District& district) {
  return *std::min_element(district.nodes.begin(), district.nodes.end(), [&](NodeId a, NodeId b) {
    return squared_distance(city.network, a, district.centroid_x_m, district.centroid_y_m) <
           squared_distance(city.network, b, district.centroid_x_m, district.centroid_y_m);
  });
}

std::vector<std::string> district_labels(const City& city) {
  std::vector<std::string> labels;
  for (const District& district : city.districts) labels.push_back(district.name);
  return labels;
}

const std::vector<std::string>& gender_labels() {
  static const std::vector<std::string> labels = {"female", "male"};
  return labels;
}

const std::vector<std::string>& age_group_labels() {
  static const std::vector<std::string> labels = {"0-14", "15-29", "30-44", "45-64", "65+"};
  return labels;
}

const std::vector<std::string>& income_group_labels() {
  static const std::vector<std::string> labels = {"low", "middle", "high"};
  return labels;
}

std::vector<District> districts_from_config(const CityConfig& config) {
  std::vector<District> districts;
  for (const DistrictConfig& entry : config.districts) {
    District district;
    static_cast<DistrictFacts&>(district) = entry;
    district.income_level = income_level_from(entry.income_level);
    districts.push_back(std::move(district));
  }
  return districts;
}

std::vector<double> weighted_households(const City& city) {
  std::vector<double> households(city.districts.size());
  const auto district = city.households.column<std::uint32_t>("district");
  const auto weight = city.households.column<double>("weight_households");
  for (std::size_t h = 0; h < city.households.size(); ++h) households[district[h]] += weight[h];
  return households;
}

std::uint32_t district_index(const City& city, const std::string& name, const std::string& key) {
  for (std::uint32_t d = 0; d < city.districts.size(); ++d) {
    if (city.districts[d].name == name) return d;
  }
  throw InputError({}, key, "'" + name + "' is not a district of this city");
}

void place_facilities(City& city, const std::vector<FacilityConfig>& facilities) {
  for (const FacilityConfig& entry : facilities) {
    const std::uint32_t index = district_index(city, entry.district, "city.facilities (" + entry.name + ")");
    const District& district = city.districts[index];
    const bool located = city.projection.has_value() && (entry.latitude != 0 || entry.longitude != 0);
    NodeId node = 0;
    if (located) {
      const PointXY point = city.projection->to_xy({entry.longitude, entry.latitude});
      node = city.network.nearest_node(point.x_m, point.y_m);
    } else {
      node = facility_node(city, district, entry.position);
    }
    city.facilities.push_back(
        {entry.name, entry.kind, index, node, entry.capacity_t_per_day, entry.gate_fee_soles_per_t});
  }
}

City build_synthetic_city(const CityConfig& config, std::uint64_t seed, Parallelism& parallel) {
  City city;
  city.name = config.name;
  city.source = "synthetic";
  city.sampling = config.sampling;
  city.districts = districts_from_config(config);
  std::vector<double> areas;
  for (const DistrictConfig& entry : config.districts) {
    // Only the settled part of a large rural district becomes streets.
    areas.push_back(
        std::min(entry.area_km2, static_cast<double>(entry.population) / config.network.settled_density_per_km2));
  }

  SyntheticNetwork grid = build_synthetic_network(config.network, areas);
  city.network = std::move(grid.network);
  city.node_district = std::move(grid.node_district);
  index_district_nodes(city);
  city.district_areas.resize(city.districts.size());
  place_facilities(city, config.facilities);
  synthesise_population(city, config.population, seed, parallel);
  return city;
}

}  // namespace munisim
