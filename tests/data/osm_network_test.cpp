// The OpenStreetMap import on a hand-made town with exact distances, and on the real Trujillo
// extract within documented bounds.
#include "sim/data/osm_network.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

const std::filesystem::path kOsmFixtures = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/data/fixtures/osm";
constexpr double kMetresPerMilliDegree = 111.19508;  // on the equator, R = 6,371,008.8 m

struct EdgeView {
  double from_x, to_x, length_m, speed_kmh;
  int lanes;
  bool operator==(const EdgeView&) const = default;
};

std::vector<EdgeView> edges_of(const RoadNetwork& network) {
  std::vector<EdgeView> edges;
  for (EdgeId edge = 0; edge < network.edge_count(); ++edge) {
    edges.push_back({std::round(network.node_x(network.edge_from(edge))),
                     std::round(network.node_x(network.edge_to(edge))), network.edge_length_m(edge),
                     network.edge_free_speed_kmh(edge), network.edge_lanes(edge)});
  }
  return edges;
}

OsmNetwork read_tiny(const std::string& name) {
  return read_osm_network(kOsmFixtures / name, LocalProjection({0, 0}), StreetsConfig{});
}

TEST(OsmNetwork, DriveNetworkMergesChainsAndKeepsOneWayDirection) {
  const OsmNetwork town = read_tiny("tiny.osm");
  // Node 2 joins only the two residential stretches for cars (the footway is not drivable), so
  // 1-2-3 becomes one two-way edge; the one-way loop 3-4-5-1 becomes one edge 3 -> 1.
  ASSERT_EQ(town.drive.node_count(), 2u);
  EXPECT_DOUBLE_EQ(town.drive.node_x(0), 0);
  EXPECT_NEAR(town.drive.node_x(1), 2 * kMetresPerMilliDegree, 1e-6);
  const double street = 2 * kMetresPerMilliDegree;
  const double loop = 4 * kMetresPerMilliDegree;
  const std::vector<EdgeView> edges = edges_of(town.drive);
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0].from_x, 0);
  EXPECT_EQ(edges[0].to_x, 222);
  EXPECT_NEAR(edges[0].length_m, street, 1e-3);
  EXPECT_EQ(edges[0].speed_kmh, 30);  // residential default
  EXPECT_EQ(edges[0].lanes, 1);
  // Edges from node 1: the residential street back, then the one-way loop.
  EXPECT_EQ(edges[1].to_x, 0);
  EXPECT_NEAR(edges[1].length_m, street, 1e-3);
  EXPECT_EQ(edges[2].to_x, 0);
  EXPECT_NEAR(edges[2].length_m, loop, 1e-3);
  EXPECT_EQ(edges[2].speed_kmh, 50);  // maxspeed tag
  EXPECT_EQ(edges[2].lanes, 2);       // primary, one-way: both directions' lanes one way
  // The separate street 8-9 was dropped as not strongly connected to the rest.
  EXPECT_EQ(town.drive_nodes_before_pruning, 4u);
  EXPECT_EQ(town.highway_ways, 5u);
}

TEST(OsmNetwork, WalkNetworkUsesFootwaysAndSkipsPrivateWays) {
  const OsmNetwork town = read_tiny("tiny.osm");
  // Walkers may use every street both ways, so the whole loop 2-3-4-5-1-2 is a chain through
  // node 2, which ends the footway to 6. The private way 6-7 is not walkable.
  ASSERT_EQ(town.walk.node_count(), 2u);
  ASSERT_EQ(town.walk.edge_count(), 2u);
  EXPECT_NEAR(town.walk.edge_length_m(0), kMetresPerMilliDegree, 1e-3);
  EXPECT_EQ(town.walk.edge_free_speed_kmh(0), StreetsConfig{}.walk_speed_kmh);
}

TEST(OsmNetwork, BuildingsAreTheirOutlineCentre) {
  const OsmNetwork town = read_tiny("tiny.osm");
  ASSERT_EQ(town.buildings.size(), 1u);
  EXPECT_NEAR(town.buildings[0].x_m, 0.5 * kMetresPerMilliDegree, 1e-6);
  EXPECT_NEAR(town.buildings[0].y_m, 0.5 * kMetresPerMilliDegree, 1e-6);
}

TEST(OsmNetwork, PbfAndXmlGiveTheSameNetwork) {
  const OsmNetwork xml = read_tiny("tiny.osm");
  const OsmNetwork pbf = read_tiny("tiny.osm.pbf");
  EXPECT_EQ(edges_of(xml.drive), edges_of(pbf.drive));
  EXPECT_EQ(edges_of(xml.walk), edges_of(pbf.walk));
}

TEST(OsmNetwork, TruncatedPbfIsAnInputErrorNamingTheFile) {
  const std::filesystem::path truncated = std::filesystem::path(::testing::TempDir()) / "truncated.osm.pbf";
  std::filesystem::copy_file(kOsmFixtures / "tiny.osm.pbf", truncated, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) / 2);
  try {
    (void)read_osm_network(truncated, LocalProjection({0, 0}), StreetsConfig{});
    FAIL() << "a truncated file was accepted";
  } catch (const InputError& error) {
    EXPECT_THAT(error.what(), ::testing::StartsWith(truncated.string() + ": city.streets.osm: cannot read"));
  }
}

TEST(OsmNetwork, MissingFileIsAnInputError) { EXPECT_THROW((void)read_tiny("absent.osm.pbf"), InputError); }

const std::filesystem::path kTrujillo =
    std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data/osm-trujillo/trujillo.osm.pbf";

TEST(OsmNetwork, RealTrujilloExtractWithinDocumentedBounds) {
  if (!std::filesystem::exists(kTrujillo)) GTEST_SKIP() << "needs ../shared/data/osm-trujillo (not present)";
  const OsmNetwork trujillo = read_osm_network(kTrujillo, LocalProjection({-79.03, -8.11}), StreetsConfig{});
  const double drive_km = trujillo.drive.total_length_m() / 1000;
  const double walk_km = trujillo.walk.total_length_m() / 1000;
  RecordProperty("drive_nodes", std::to_string(trujillo.drive.node_count()));
  RecordProperty("drive_km", std::to_string(drive_km));
  std::printf(
      "Trujillo: %zu highway ways; drive %zu nodes (%zu before pruning), %zu edges, %.0f km (directed); "
      "walk %zu nodes, %zu edges, %.0f km; %zu buildings\n",
      trujillo.highway_ways, trujillo.drive.node_count(), trujillo.drive_nodes_before_pruning,
      trujillo.drive.edge_count(), drive_km, trujillo.walk.node_count(), trujillo.walk.edge_count(), walk_km,
      trujillo.buildings.size());
  // SOURCE.md counts 19,961 highway=* ways; 70 are of classes no one travels on (construction,
  // proposed, platform, ...).
  EXPECT_EQ(trujillo.highway_ways, 19891u);
  EXPECT_EQ(trujillo.buildings.size(), 7934u);
  // Bounds documented in docs/data.md.
  EXPECT_GT(trujillo.drive.node_count(), 15000u);
  EXPECT_LT(trujillo.drive.node_count(), 40000u);
  EXPECT_GT(static_cast<double>(trujillo.drive.node_count()),
            0.9 * static_cast<double>(trujillo.drive_nodes_before_pruning));
  EXPECT_GT(drive_km, 6000);  // directed: a two-way street counts twice
  EXPECT_LT(drive_km, 9000);
  const auto components = trujillo.drive.strongly_connected_components();
  EXPECT_TRUE(std::all_of(components.begin(), components.end(), [](std::uint32_t c) { return c == 0; }));
}

}  // namespace
}  // namespace munisim
