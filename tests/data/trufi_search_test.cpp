// The Trufi search index reader on a hand-written index with exact values, on broken ones for their messages, and
// on the real Arequipa index for its counts and the street grid its junctions sketch.
#include "sim/data/trufi_search.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "sim/core/error.hpp"
#include "sim/data/polyline_network.hpp"
#include "tests/support/input_error.hpp"

namespace munisim {
namespace {

using ::testing::HasSubstr;

std::filesystem::path trufi_fixture(const std::string& name) {
  return std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/data/fixtures/trufi" / name;
}

std::string trufi_read_error(const std::filesystem::path& file) {
  return testing::input_error_of([&] { (void)read_trufi_search(file); });
}

TEST(TrufiSearch, ReadsPoisAndStreetJunctions) {
  const TrufiSearchIndex index = read_trufi_search(trufi_fixture("tiny_search.json"));
  ASSERT_EQ(index.pois.size(), 3u);
  EXPECT_EQ(index.pois[0].name, "Plaza de Armas");
  EXPECT_EQ(index.pois[0].type, "");  // null
  EXPECT_EQ(index.pois[0].position.lon, -71.5369607);
  EXPECT_EQ(index.pois[0].position.lat, -16.3988667);
  EXPECT_EQ(index.pois[1].name, "Colegio Independencia Americana");
  EXPECT_EQ(index.pois[1].type, "amenity:school");
  EXPECT_EQ(index.pois[1].position.lon, -71.5301);
  EXPECT_EQ(index.pois[1].position.lat, -16.3912);
  EXPECT_EQ(index.pois[2].type, "amenity:marketplace");
  EXPECT_EQ(index.pois[2].position.lat, -16.402);

  // In the file's order, not the ids' ("s1", "s10", "s2"), and with the street that has no junctions.
  ASSERT_EQ(index.streets.size(), 3u);
  EXPECT_EQ(index.streets[0].name, "Jerusalén");
  ASSERT_EQ(index.streets[0].junctions.size(), 2u);
  EXPECT_EQ(index.streets[0].junctions[0].lon, -71.5355);
  EXPECT_EQ(index.streets[0].junctions[0].lat, -16.3975);
  EXPECT_EQ(index.streets[0].junctions[1].lon, -71.5352);
  EXPECT_EQ(index.streets[0].junctions[1].lat, -16.3981);
  EXPECT_EQ(index.streets[1].name, "Mercaderes");
  ASSERT_EQ(index.streets[1].junctions.size(), 1u);
  EXPECT_EQ(index.streets[1].junctions[0].lon, -71.5355);
  EXPECT_EQ(index.streets[2].name, "Pasaje Sin Cruces");
  EXPECT_TRUE(index.streets[2].junctions.empty());
}

TEST(TrufiSearch, ParseErrorNamesLineAndColumn) {
  const std::string message = trufi_read_error(trufi_fixture("bad_json.json"));
  // The column of the last character nlohmann read: the end of the second null, where a comma was due.
  EXPECT_THAT(message, HasSubstr("bad_json.json:3:66: is not JSON (syntax error while parsing array"));
  EXPECT_THAT(message, HasSubstr("expected a Trufi search index"));
}

TEST(TrufiSearch, CoordinatesOutOfRangeNameTheRecord) {
  const std::string message = trufi_read_error(trufi_fixture("bad_coordinates.json"));
  EXPECT_THAT(message, HasSubstr("bad_coordinates.json: pois[1]: coordinates are [-16.3912,-171.5301]"));
  EXPECT_THAT(message, HasSubstr("expected longitude in [-180, 180], latitude in [-90, 90]"));
}

TEST(TrufiSearch, JunctionWithoutPairNamesStreetAndEntry) {
  const std::string message = trufi_read_error(trufi_fixture("bad_junction.json"));
  EXPECT_THAT(message, HasSubstr("bad_junction.json: streetJunctions.s2[1]: coordinates are [-71.5352]"));
  EXPECT_THAT(message, HasSubstr("expected a pair [longitude, latitude] of numbers"));
}

TEST(TrufiSearch, MissingPoisAndMissingFileAreInputErrors) {
  EXPECT_THAT(trufi_read_error(trufi_fixture("no_pois.json")), HasSubstr("no_pois.json: pois: is missing; expected an array"));
  EXPECT_THAT(trufi_read_error(trufi_fixture("absent.json")), HasSubstr("absent.json: cannot be read"));
}

// Chains of each street's crossings, split where neighbours are over a kilometre apart: the index keeps one record
// per name, so "Calle 1" chains the Calles 1 of many districts, 18 km apart, while 90 % of the stretches between
// crossings of one street are under 350 m.
std::vector<RoadPolyline> street_chains(const TrufiSearchIndex& index, const LocalProjection& projection) {
  constexpr double kLongestStretchM = 1000;
  std::vector<RoadPolyline> chains;
  for (const StreetJunctions& street : index.streets) {
    RoadPolyline chain;
    for (const LonLat position : order_along_street(street.junctions)) {
      const PointXY point = projection.to_xy(position);
      if (!chain.points.empty() &&
          std::hypot(point.x_m - chain.points.back().x_m, point.y_m - chain.points.back().y_m) > kLongestStretchM) {
        chains.push_back(std::move(chain));
        chain = RoadPolyline{};
      }
      chain.points.push_back(point);
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

TEST(TrufiSearch, ArequipaIndexSketchesTheStreetGrid) {
  const std::filesystem::path file =
      std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data/osm-pois/arequipa_search.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "needs ../shared/data (osm-pois/arequipa_search.json)";
  const auto start = std::chrono::steady_clock::now();
  const TrufiSearchIndex index = read_trufi_search(file);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("read_seconds", std::to_string(seconds));

  // The counts SOURCE.md gives.
  EXPECT_EQ(index.pois.size(), 7986u);
  EXPECT_EQ(std::ranges::count(index.pois, std::string("amenity:kindergarten"), &PointOfInterest::type), 1176);
  EXPECT_EQ(std::ranges::count(index.pois, std::string("amenity:school"), &PointOfInterest::type), 933);
  EXPECT_EQ(std::ranges::count(index.pois, std::string(), &PointOfInterest::type), 1401);
  EXPECT_EQ(index.streets.size(), 2026u);
  EXPECT_EQ(std::ranges::count_if(index.streets, [](const StreetJunctions& s) { return !s.junctions.empty(); }), 1985);
  std::size_t junctions = 0;
  for (const StreetJunctions& street : index.streets) junctions += street.junctions.size();
  EXPECT_EQ(junctions, 12370u);  // each crossing twice, once on either street
  // Every place lies in the province of Arequipa.
  for (const PointOfInterest& poi : index.pois) {
    EXPECT_GT(poi.position.lon, -71.8) << poi.name;
    EXPECT_LT(poi.position.lon, -71.3) << poi.name;
    EXPECT_GT(poi.position.lat, -16.7) << poi.name;
    EXPECT_LT(poi.position.lat, -16.2) << poi.name;
  }

  const RoadNetwork network = network_from_polylines(street_chains(index, LocalProjection(LonLat{-71.537, -16.399})));
  const double street_km = network.total_length_m() / 2000;  // every edge runs both ways
  RecordProperty("nodes", std::to_string(network.node_count()));
  RecordProperty("edges", std::to_string(network.edge_count()));
  RecordProperty("street_km", std::to_string(street_km));
  // The chains measure 968 km (and a further 3,245 km of jumps between same-named streets if not split). Merging moves
  // points by under 15 m and pruning only removes, so that is the ceiling; a grid worth the name keeps most of it,
  // and most of the 5,407 distinct crossing points, in one connected part (measured: 915 km, 5,102 nodes).
  EXPECT_GT(network.node_count(), 5407u * 9 / 10);
  EXPECT_LT(network.node_count(), 5407u);
  EXPECT_GT(street_km, 968.0 * 0.9);
  EXPECT_LT(street_km, 968.3);
  EXPECT_EQ(network.max_free_speed_kmh(), 30);
}

}  // namespace
}  // namespace munisim
