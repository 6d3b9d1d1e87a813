#include "sim/model/real_city.hpp"

#include <filesystem>
#include <optional>

#include "sim/city/population.hpp"
#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/data/boundaries.hpp"
#include "sim/data/gtfs_feed.hpp"
#include "sim/model/district_assignment.hpp"
#include "sim/model/district_data.hpp"
#include "sim/model/street_sources.hpp"
#include "sim/model/transit_import.hpp"

namespace munisim {
namespace {

// The mean of the district capitals: every layer of the city is projected about it.
LonLat projection_origin(const std::vector<District>& districts) {
  LonLat sum;
  double count = 0;
  for (const District& district : districts) {
    if (district.latitude == 0 && district.longitude == 0) continue;
    sum.lon += district.longitude;
    sum.lat += district.latitude;
    ++count;
  }
  if (count == 0) {
    throw InputError({}, "city.districts",
                     "no district has latitude and longitude; expected the capitals' coordinates, which real "
                     "street data needs");
  }
  return {sum.lon / count, sum.lat / count};
}

// Households prefer nodes with buildings around them: weight 1 + the buildings whose nearest street
// node it is, so streets without mapped buildings still house people (OSM maps few buildings in
// Peruvian cities).
void weight_homes_by_buildings(City& city, const std::vector<PointXY>& buildings, std::vector<std::string>& notes) {
  if (buildings.empty()) return;
  std::vector<double> weight(city.network.node_count(), 1.0);
  for (const PointXY& building : buildings) weight[city.network.nearest_node(building.x_m, building.y_m)] += 1;
  for (District& district : city.districts) {
    district.node_weights.clear();
    for (NodeId node : district.nodes) district.node_weights.push_back(weight[node]);
  }
  notes.push_back("homes: street nodes weighted 1 + the " + std::to_string(buildings.size()) +
                  " mapped buildings nearest each");
}

std::string data_dir_problem(const std::filesystem::path& dir) {
  if (dir.empty()) return "no data directory is named (data_dir, --data-dir or MUNISIM_DATA_DIR)";
  return "the data directory " + dir.string() + " does not exist";
}

}  // namespace

bool names_real_data(const CityConfig& config) {
  return config.streets.names_real_streets() || !config.boundaries.geojson.empty() || !config.transit.gtfs.empty();
}

CityBuild build_city(const Scenario& scenario, std::uint64_t seed, Parallelism& parallel) {
  const CityConfig& config = scenario.config.city;
  CityBuild build;
  if (!names_real_data(config)) {
    build.city = build_synthetic_city(config, seed, parallel);
    return build;
  }
  const std::filesystem::path dir = named_data_dir(scenario);
  if (dir.empty() || !std::filesystem::is_directory(dir)) {
    const std::string problem = data_dir_problem(dir);
    build.warnings.push_back(problem + ": " + config.name +
                             " runs on the synthetic street grid instead of its real streets, without transit lines");
    build.notes = build.warnings;
    build.city = build_synthetic_city(config, seed, parallel);
    build.city.source = "synthetic (fallback: " + problem + ")";
    return build;
  }

  City& city = build.city;
  city.name = config.name;
  city.sampling = config.sampling;
  city.districts = districts_from_config(config);
  city.projection = LocalProjection(projection_origin(city.districts));

  // The district limits are read while the streets and the transit feed are: neither needs the other.
  std::optional<GtfsFeed> feed;
  StreetLayers streets;
  auto read_streets = [&] {
    if (!config.transit.gtfs.empty()) feed = read_gtfs(dir / config.transit.gtfs);
    streets = load_streets(config.streets, dir, *city.projection, feed ? &*feed : nullptr);
  };
  std::vector<Boundary> boundaries;
  auto read_limits = [&] {
    if (config.boundaries.geojson.empty()) return;
    boundaries = read_boundaries(dir / config.boundaries.geojson,
                                 {.code = config.boundaries.code_property, .name = config.boundaries.name_property});
  };
  parallel.run_both(read_streets, read_limits);
  city.source = streets.source;
  city.network = std::move(streets.drive);
  city.walk_network = std::move(streets.walk);
  build.notes.insert(build.notes.end(), streets.notes.begin(), streets.notes.end());

  DistrictAssignment assignment = assign_districts(city.network, city.districts, *city.projection, boundaries,
                                                   (dir / config.boundaries.geojson).string());
  city.node_district = std::move(assignment.node_district);
  city.district_areas = std::move(assignment.areas);
  build.notes.insert(build.notes.end(), assignment.notes.begin(), assignment.notes.end());
  index_district_nodes(city);
  weight_homes_by_buildings(city, streets.buildings, build.notes);
  place_facilities(city, config.facilities);

  if (feed) {
    city.transit = import_transit(*feed, config.transit, city.network, *city.projection);
    build.notes.push_back(transit_summary(city.transit, config.transit));
  }
  synthesise_population(city, config.population, seed, parallel);
  return build;
}

}  // namespace munisim
