// The network cache returns exactly what the import gives, and only for the same inputs.
#include "sim/data/network_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace munisim {
namespace {

const std::filesystem::path kTown = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/data/fixtures/osm/tiny.osm";

std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  return dir;
}

void expect_same(const RoadNetwork& a, const RoadNetwork& b) {
  ASSERT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.edge_count(), b.edge_count());
  for (NodeId node = 0; node < a.node_count(); ++node) {
    EXPECT_EQ(a.node_x(node), b.node_x(node));
    EXPECT_EQ(a.node_y(node), b.node_y(node));
  }
  for (EdgeId edge = 0; edge < a.edge_count(); ++edge) {
    EXPECT_EQ(a.edge_from(edge), b.edge_from(edge));
    EXPECT_EQ(a.edge_to(edge), b.edge_to(edge));
    EXPECT_EQ(a.edge_length_m(edge), b.edge_length_m(edge));
    EXPECT_EQ(a.edge_free_speed_kmh(edge), b.edge_free_speed_kmh(edge));
    EXPECT_EQ(a.edge_lanes(edge), b.edge_lanes(edge));
  }
}

TEST(NetworkCache, SecondLoadComesFromTheCacheUnchanged) {
  const std::filesystem::path dir = fresh_dir("cache-hit");
  const LocalProjection projection({0, 0});
  const CachedOsmNetwork first = load_osm_network(kTown, projection, {}, dir);
  EXPECT_FALSE(first.from_cache);
  ASSERT_TRUE(std::filesystem::exists(first.cache_file));
  const CachedOsmNetwork second = load_osm_network(kTown, projection, {}, dir);
  EXPECT_TRUE(second.from_cache);
  expect_same(first.network.drive, second.network.drive);
  expect_same(first.network.walk, second.network.walk);
  ASSERT_EQ(second.network.buildings.size(), 1u);
  EXPECT_EQ(second.network.buildings[0].x_m, first.network.buildings[0].x_m);
  EXPECT_EQ(second.network.highway_ways, first.network.highway_ways);
}

TEST(NetworkCache, OtherSettingsOrOriginMissTheCache) {
  const std::filesystem::path dir = fresh_dir("cache-key");
  const CachedOsmNetwork base = load_osm_network(kTown, LocalProjection({0, 0}), {}, dir);
  StreetsConfig faster;
  faster.speeds.residential_kmh = 40;
  const CachedOsmNetwork other_speed = load_osm_network(kTown, LocalProjection({0, 0}), faster, dir);
  EXPECT_FALSE(other_speed.from_cache);
  EXPECT_NE(other_speed.cache_file, base.cache_file);
  EXPECT_EQ(other_speed.network.drive.edge_free_speed_kmh(0), 40);
  EXPECT_FALSE(load_osm_network(kTown, LocalProjection({0.001, 0}), {}, dir).from_cache);
}

TEST(NetworkCache, DamagedEntryIsRebuiltNotTrusted) {
  const std::filesystem::path dir = fresh_dir("cache-damaged");
  const LocalProjection projection({0, 0});
  const CachedOsmNetwork first = load_osm_network(kTown, projection, {}, dir);
  std::filesystem::resize_file(first.cache_file, std::filesystem::file_size(first.cache_file) - 9);
  const CachedOsmNetwork again = load_osm_network(kTown, projection, {}, dir);
  EXPECT_FALSE(again.from_cache);
  expect_same(first.network.drive, again.network.drive);
  EXPECT_TRUE(load_osm_network(kTown, projection, {}, dir).from_cache);  // rewritten whole
}

TEST(NetworkCache, UnwritableCacheOnlyCostsTime) {
  const CachedOsmNetwork result = load_osm_network(kTown, LocalProjection({0, 0}), {}, "/proc/munisim-cache");
  EXPECT_FALSE(result.from_cache);
  EXPECT_TRUE(result.cache_file.empty());
  EXPECT_EQ(result.network.drive.node_count(), 2u);
}

TEST(NetworkCache, EmptyDirectoryTurnsCachingOff) {
  const CachedOsmNetwork result = load_osm_network(kTown, LocalProjection({0, 0}), {}, {});
  EXPECT_FALSE(result.from_cache);
  EXPECT_TRUE(result.cache_file.empty());
}

}  // namespace
}  // namespace munisim
