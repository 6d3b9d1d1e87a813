// Trujillo and Arequipa on their real data (../shared/data): every household inside its district,
// every GTFS route of the three feeds imported or reported with a reason. Skipped, with a message,
// where the data folder is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "sim/core/parallel.hpp"
#include "sim/data/gtfs_feed.hpp"
#include "sim/model/real_city.hpp"
#include "sim/model/transit_import.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

using testing::kSharedData;

CityBuild build_scenario(const std::string& file) {
  Parallelism parallel(2);
  const Scenario scenario =
      load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/" + file, {"data_dir=\"" + kSharedData.string() + "\""});
  return build_city(scenario, 1, parallel);
}

std::size_t district_index(const City& city, const std::string& name) {
  for (std::size_t d = 0; d < city.districts.size(); ++d) {
    if (city.districts[d].name == name) return d;
  }
  throw std::out_of_range(name);
}

TEST(RealTrujillo, EveryHouseholdLivesInsideItsDistrictPolygon) {
  REQUIRE_SHARED_DATA("osm-trujillo");
  const CityBuild build = build_scenario("trujillo.yaml");
  const City& city = build.city;
  EXPECT_EQ(city.source, "OpenStreetMap osm-trujillo/trujillo.osm.pbf");
  EXPECT_TRUE(build.warnings.empty());
  // Alto Trujillo has no polygon of its own (the 2007 limits): it lives in El Porvenir's.
  const std::size_t alto = district_index(city, "Alto Trujillo");
  const std::size_t porvenir = district_index(city, "El Porvenir");
  EXPECT_TRUE(city.district_areas[alto].parts().empty());
  const auto district = city.households.column<std::uint32_t>("district");
  const auto home = city.households.column<std::uint32_t>("home_node");
  std::vector<std::size_t> homes(city.districts.size(), 0);
  for (std::size_t h = 0; h < city.households.size(); ++h) {
    const std::size_t polygon = district[h] == alto ? porvenir : district[h];
    ASSERT_TRUE(city.district_areas[polygon].contains({city.network.node_x(home[h]), city.network.node_y(home[h])}))
        << "household " << h << " of " << city.districts[district[h]].name;
    ++homes[district[h]];
  }
  for (std::size_t d = 0; d < city.districts.size(); ++d) EXPECT_GT(homes[d], 0u) << city.districts[d].name;
  // Alto Trujillo's capital lies north-east of El Porvenir's: its share of the polygon is there.
  EXPECT_GT(city.districts[alto].centroid_y_m, city.districts[porvenir].centroid_y_m);
}

TEST(RealTrujillo, ElMilagroStandsAtItsCoordinates) {
  REQUIRE_SHARED_DATA("osm-trujillo");
  const City city = build_scenario("trujillo.yaml").city;
  const Facility& dump = city.facilities[1];
  ASSERT_EQ(dump.name, "El Milagro");
  const LonLat at = city.projection->to_lonlat({city.network.node_x(dump.node), city.network.node_y(dump.node)});
  EXPECT_LT(haversine_m(at, {-79.0632, -8.03383}), 300);
}

struct FeedCase {
  const char* file;
  std::size_t routes;
  std::size_t lines;
};

// For test names: the feed's folder.
void PrintTo(const FeedCase& feed, std::ostream* out) {
  *out << std::string(feed.file).substr(0, std::string(feed.file).find('/'));
}

class RealFeeds : public ::testing::TestWithParam<FeedCase> {};

TEST_P(RealFeeds, EveryRouteIsImportedOrReportedWithAReason) {
  REQUIRE_SHARED_DATA("osm-trujillo");
  const GtfsFeed feed = read_gtfs(kSharedData / GetParam().file);
  const City city = build_scenario("trujillo.yaml").city;  // any network: snapping only
  const TransitSystem transit = import_transit(feed, TransitConfig{}, city.network, *city.projection);
  std::set<std::string> imported;
  for (const TransitLine& line : transit.lines) imported.insert(line.route_id);
  EXPECT_EQ(imported.size() + transit.skipped_routes.size(), GetParam().routes);
  EXPECT_EQ(transit.lines.size(), GetParam().lines);
  for (const std::string& skipped : transit.skipped_routes) EXPECT_THAT(skipped, ::testing::HasSubstr(": "));
  for (const TransitLine& line : transit.lines) {
    EXPECT_GT(line.length_m, 1000) << line.route_id;
    EXPECT_GT(line.headway_min[2], 0) << line.route_id;  // every line runs at midday
  }
}

INSTANTIATE_TEST_SUITE_P(ThreeFeeds, RealFeeds,
                         ::testing::Values(FeedCase{"gtfs-trujillo-omus/trujillo_omus_gtfs.zip", 102, 102},
                                           FeedCase{"gtfs-trujillo-2026/trujillo_gtfs_2026-01.zip", 85, 210},
                                           FeedCase{"gtfs-arequipa/arequipa_gtfs_2024-09.zip", 192, 240}));

TEST(RealArequipa, SubstituteStreetsCarryTheSitLines) {
  REQUIRE_SHARED_DATA("osm-trujillo");
  const CityBuild build = build_scenario("arequipa.yaml");
  const City& city = build.city;
  EXPECT_THAT(city.source, ::testing::StartsWith("substitute streets"));
  EXPECT_EQ(city.transit.lines.size(), 240u);
  // The feed's calendars: some lines run on weekdays only, some at weekends only.
  const auto runs_sunday = std::count_if(city.transit.lines.begin(), city.transit.lines.end(),
                                         [](const TransitLine& line) { return line.weekdays[6]; });
  EXPECT_GT(runs_sunday, 0);
  EXPECT_LT(runs_sunday, 240);
  // The routes are streets themselves, so every stop lies within a few metres of one.
  for (const TransitStop& stop : city.transit.stops) EXPECT_LT(stop.snap_distance_m, 400) << stop.id;
  EXPECT_GT(city.network.total_length_m() / 2000, 900);  // km of two-way street
}

}  // namespace
}  // namespace munisim
