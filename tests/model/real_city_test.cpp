// A city on real data, on a hand-made town with known answers: streets from an .osm file,
// districts by polygon (and one without a polygon), facilities at coordinates, one bus line from
// a GTFS folder; and the fallback to synthetic streets when the data folder is missing.
#include "sim/model/real_city.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "sim/core/parallel.hpp"
#include "sim/model/geometry.hpp"

namespace munisim {
namespace {

const std::filesystem::path kTown = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/model/fixtures/town";
constexpr double kMilliDegreeM = 111.19508;  // on the equator

Scenario town(std::vector<std::string> overrides = {}) { return load_scenario(kTown / "town.yaml", overrides); }

CityBuild build_town(std::vector<std::string> overrides = {}) {
  Parallelism parallel(2);
  return build_city(town(std::move(overrides)), 7, parallel);
}

LonLat lonlat_of(const City& city, NodeId node) {
  return city.projection->to_lonlat({city.network.node_x(node), city.network.node_y(node)});
}

TEST(RealCity, StreetsComeFromTheExtract) {
  const CityBuild build = build_town();
  const City& city = build.city;
  EXPECT_EQ(city.source, "OpenStreetMap streets.osm");
  // 15 crossings of a 5 x 3 grid, less the 4 corners, where two stretches of one kind meet and
  // merge into one edge; 22 stretches of 0.001 degree, 4 pairs merged, each both ways.
  EXPECT_EQ(city.network.node_count(), 11u);
  EXPECT_EQ(city.network.edge_count(), 2u * 18u);
  EXPECT_NEAR(city.network.total_length_m(), 2 * 22 * kMilliDegreeM, 1e-4);
  EXPECT_TRUE(build.warnings.empty());
}

TEST(RealCity, NodesBelongToTheirPolygonAndAGuestSharesItsHost) {
  const City& city = build_town().city;
  ASSERT_EQ(city.districts.size(), 3u);
  for (NodeId node = 0; node < city.network.node_count(); ++node) {
    const LonLat at = lonlat_of(city, node);
    const bool west = at.lon < 0.0025;
    const bool nueva = std::abs(at.lon - 0.004) < 1e-9 && std::abs(at.lat - 0.001) < 1e-9;  // nearest its capital
    const std::uint32_t expected = west ? 0u : nueva ? 2u : 1u;
    EXPECT_EQ(city.node_district[node], expected) << "node at " << at.lon << ", " << at.lat;
  }
  EXPECT_EQ(city.districts[0].nodes.size(), 7u);
  EXPECT_EQ(city.districts[1].nodes.size(), 3u);
  EXPECT_EQ(city.districts[2].nodes.size(), 1u);
  EXPECT_FALSE(city.district_areas[0].parts().empty());
  EXPECT_TRUE(city.district_areas[2].parts().empty());  // NUEVA has no polygon of its own
}

TEST(RealCity, EveryHouseholdLivesInsideItsDistrict) {
  const City& city = build_town().city;
  const auto district = city.households.column<std::uint32_t>("district");
  const auto home = city.households.column<std::uint32_t>("home_node");
  ASSERT_GT(city.households.size(), 100u);
  for (std::size_t h = 0; h < city.households.size(); ++h) {
    ASSERT_EQ(city.node_district[home[h]], district[h]) << "household " << h;
    const PointXY at{city.network.node_x(home[h]), city.network.node_y(home[h])};
    const std::uint32_t polygon_owner = district[h] == 2 ? 1 : district[h];  // NUEVA lies in EAST's polygon
    ASSERT_TRUE(city.district_areas[polygon_owner].contains(at)) << "household " << h;
  }
}

TEST(RealCity, BuildingsDrawHomesToTheirNearestNode) {
  const City& city = build_town().city;
  const District& west = city.districts[0];
  ASSERT_EQ(west.node_weights.size(), west.nodes.size());
  for (std::size_t i = 0; i < west.nodes.size(); ++i) {
    const LonLat at = lonlat_of(city, west.nodes[i]);
    const bool near_building = std::abs(at.lon - 0.001) < 1e-9 && std::abs(at.lat - 0.001) < 1e-9;
    EXPECT_EQ(west.node_weights[i], near_building ? 2.0 : 1.0);
  }
}

TEST(RealCity, FacilitiesStandAtTheirCoordinatesOrByTheirRule) {
  const City& city = build_town().city;
  ASSERT_EQ(city.facilities.size(), 2u);
  const LonLat dump = lonlat_of(city, city.facilities[1].node);  // (0.004, 0.002) is a merged corner
  EXPECT_NEAR(dump.lon, 0.004, 1e-9);
  EXPECT_NEAR(dump.lat, 0.001, 1e-9);
  EXPECT_EQ(city.node_district[city.facilities[0].node], 0u);  // the depot: WEST's central node
}

TEST(RealCity, TransitLineFromTheFeed) {
  const City& city = build_town().city;
  const TransitSystem& transit = city.transit;
  ASSERT_EQ(transit.lines.size(), 1u);
  const TransitLine& line = transit.lines[0];
  EXPECT_EQ(line.route_id, "R1");
  EXPECT_EQ(line.short_name, "1");
  EXPECT_NEAR(line.length_m, 4 * kMilliDegreeM, 1e-4);  // along the drawn shape
  // frequencies: 06:00-09:00 every 600 s, 09:00-17:00 every 1200 s; none at night or after 17:00.
  EXPECT_EQ(line.headway_min, (std::array<double, kTransitPeriods>{0, 10, 20, 0, 0}));
  const TransitConfig defaults;
  for (std::size_t p = 0; p < kTransitPeriods; ++p) {
    EXPECT_NEAR(line.run_time_min[p], line.length_m / 1000 / defaults.commercial_speed_kmh[p] * 60, 1e-12);
  }
  EXPECT_EQ(line.fare_soles, 2.5);
  EXPECT_EQ(line.weekdays, (std::array<bool, 7>{true, true, true, true, true, true, false}));  // calendar.txt
  ASSERT_EQ(line.stops.size(), 3u);
  const TransitStop& east_end = transit.stops[line.stops[2]];
  EXPECT_NEAR(east_end.snap_distance_m, 0.1 * kMilliDegreeM, 1e-4);  // 0.0001 degree south of node (0.004, 0.001)
  EXPECT_THAT(transit.skipped_routes, ::testing::ElementsAre("R2 (2): no trip runs it"));
}

TEST(RealCity, ScenarioHeadwaysReplaceTheFeeds) {
  Parallelism parallel(1);
  const City city = build_city(town({"city.transit.headway_min=[30, 5, 6, 5, 12]"}), 7, parallel).city;
  EXPECT_EQ(city.transit.lines[0].headway_min, (std::array<double, kTransitPeriods>{30, 5, 6, 5, 12}));
}

TEST(RealCity, GeometryHasBoundariesAndTransit) {
  const City& city = build_town().city;
  std::vector<std::string> names;
  for (const Table& table : city_geometry(city)) names.push_back(table.name);
  EXPECT_THAT(names,
              ::testing::ElementsAre("districts", "district_boundaries", "network_nodes", "network_edges", "facilities",
                                     "transit_stops", "transit_lines", "transit_line_paths", "transit_line_stops"));
}

TEST(RealCity, MissingDataFolderFallsBackToSyntheticStreetsAndSaysSo) {
  const CityBuild build = build_town({"data_dir=\"" + (kTown / "absent").string() + "\""});
  EXPECT_THAT(build.city.source, ::testing::StartsWith("synthetic (fallback: the data directory"));
  ASSERT_EQ(build.warnings.size(), 1u);
  EXPECT_THAT(build.warnings[0], ::testing::HasSubstr("Town runs on the synthetic street grid"));
  EXPECT_FALSE(build.city.projection.has_value());
  EXPECT_TRUE(build.city.transit.lines.empty());
}

}  // namespace
}  // namespace munisim
