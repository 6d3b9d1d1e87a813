#include "sim/data/boundaries.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sim/core/error.hpp"
#include "tests/support/input_error.hpp"

namespace munisim {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/data/fixtures/boundaries" / name;
}

std::string read_error(const std::filesystem::path& file) {
  return testing::input_error_of([&] { (void)read_boundaries(file); });
}

TEST(Boundaries, ReadsPolygonsWithHolesAndMultiPolygons) {
  const std::vector<Boundary> boundaries = read_boundaries(fixture("good.geojson"));
  ASSERT_EQ(boundaries.size(), 2u);  // the feature with a null geometry is skipped

  const Boundary& trujillo = boundaries[0];
  EXPECT_EQ(trujillo.code, "130101");
  EXPECT_EQ(trujillo.name, "TRUJILLO");
  EXPECT_EQ(trujillo.feature, 0u);
  ASSERT_EQ(trujillo.polygons.size(), 1u);
  ASSERT_EQ(trujillo.polygons[0].size(), 2u);
  const std::vector<LonLat>& outer = trujillo.polygons[0][0];
  ASSERT_EQ(outer.size(), 4u);  // the closing position is dropped
  EXPECT_EQ(outer[0].lon, -79.06);
  EXPECT_EQ(outer[0].lat, -8.14);
  EXPECT_EQ(outer[2].lon, -79.0);
  EXPECT_EQ(outer[2].lat, -8.08);
  const std::vector<LonLat>& hole = trujillo.polygons[0][1];
  ASSERT_EQ(hole.size(), 4u);
  EXPECT_EQ(hole[1].lon, -79.04);
  EXPECT_EQ(hole[1].lat, -8.1);

  const Boundary& larco = boundaries[1];
  EXPECT_EQ(larco.code, "130111");  // written as a number
  EXPECT_EQ(larco.name, "VICTOR LARCO HERRERA");
  EXPECT_EQ(larco.feature, 2u);
  ASSERT_EQ(larco.polygons.size(), 2u);
  ASSERT_EQ(larco.polygons[0].size(), 1u);
  EXPECT_EQ(larco.polygons[0][0].size(), 3u);
  ASSERT_EQ(larco.polygons[1].size(), 1u);
  ASSERT_EQ(larco.polygons[1][0].size(), 4u);
  EXPECT_EQ(larco.polygons[1][0][1].lon, -79.08);  // the altitude is ignored
  EXPECT_EQ(larco.polygons[1][0][1].lat, -8.1);
}

TEST(Boundaries, PropertyNamesAreConfigurable) {
  const std::vector<Boundary> boundaries =
      read_boundaries(fixture("good.geojson"), {.code = "NOMBDIST", .name = "AREA_MINAM"});
  ASSERT_EQ(boundaries.size(), 2u);
  EXPECT_EQ(boundaries[0].code, "TRUJILLO");
  EXPECT_EQ(boundaries[0].name, "");  // a number that is not an integer is no name
  EXPECT_EQ(boundaries[1].name, "");  // absent
}

TEST(Boundaries, ProjectsIntoAnAreaInMetres) {
  const std::vector<Boundary> boundaries = read_boundaries(fixture("good.geojson"));
  const LocalProjection projection({-79.03, -8.11});
  const Area trujillo = project(boundaries[0], projection);
  ASSERT_EQ(trujillo.parts().size(), 1u);
  EXPECT_EQ(trujillo.parts()[0].holes.size(), 1u);
  auto side_m = [&](LonLat a, LonLat b) {
    const PointXY pa = projection.to_xy(a), pb = projection.to_xy(b);
    return std::abs(pb.x_m - pa.x_m) + std::abs(pb.y_m - pa.y_m);
  };
  const double expected = side_m({-79.06, -8.14}, {-79.0, -8.14}) * side_m({-79.06, -8.14}, {-79.06, -8.08}) -
                          side_m({-79.04, -8.12}, {-79.02, -8.12}) * side_m({-79.04, -8.12}, {-79.04, -8.1});
  EXPECT_NEAR(trujillo.area_m2(), expected, expected * 1e-12);
  EXPECT_NEAR(trujillo.area_m2(), 39.17e6, 39.17e6 * 0.005);           // 0.0032 square degrees at 8 degrees south
  EXPECT_FALSE(trujillo.contains(projection.to_xy({-79.03, -8.11})));  // in the hole
  EXPECT_TRUE(trujillo.contains(projection.to_xy({-79.05, -8.13})));
  EXPECT_FALSE(trujillo.contains(projection.to_xy({-79.08, -8.13})));

  const Area larco = project(boundaries[1], projection);
  EXPECT_EQ(larco.parts().size(), 2u);
  EXPECT_TRUE(larco.contains(projection.to_xy({-79.09, -8.09})));
  EXPECT_TRUE(larco.contains(projection.to_xy({-79.075, -8.135})));
  EXPECT_FALSE(larco.contains(projection.to_xy({-79.095, -8.115})));  // between the parts
}

TEST(Boundaries, InvalidFilesNameFileFeatureAndExpectation) {
  const std::map<std::string, std::string> expected = {
      {"not_collection.geojson", "type: is \"Feature\"; expected a GeoJSON FeatureCollection"},
      {"point_geometry.geojson",
       "features[1] (IDDIST 130102): geometry type is Point; expected Polygon or MultiPolygon"},
      {"short_ring.geojson",
       "features[0] (IDDIST 130103): geometry.coordinates[0] has 3 positions; expected at least 4, the last "
       "repeating the first"},
      {"open_ring.geojson",
       "features[0] (IDDIST 130105): geometry.coordinates[0] is not closed: it starts at [-79.06, -8.06] but ends "
       "at [-79.06, -8.03]; expected the first position repeated at the end"},
      {"bad_coordinate.geojson",
       "features[0] (IDDIST 130106): geometry.coordinates[0][2] is [-78.9, -98.05]; expected longitude in "
       "[-180, 180] and latitude in [-90, 90]"},
      {"string_coordinate.geojson",
       "features[0] (IDDIST 130108): geometry.coordinates[0][1] is [-78.7,\"-8.0\"]; expected a position "
       "[longitude, latitude] of numbers"},
      {"bowtie.geojson",
       "features[0] (IDDIST 130107): geometry.coordinates[0] crosses itself; expected a simple outer ring"},
      {"no_code.geojson",
       "features[1]: has no property IDDIST holding a string or an integer; expected the boundary's code"},
  };
  for (const auto& [name, problem] : expected) {
    EXPECT_EQ(read_error(fixture(name)), fixture(name).string() + ": " + problem);
  }
}

TEST(Boundaries, InvalidJsonNamesLineAndColumn) {
  const std::string message = read_error(fixture("bad_json.geojson"));
  EXPECT_THAT(message, StartsWith(fixture("bad_json.geojson").string() + ":4:60: is not JSON ("));  // the second comma
  EXPECT_THAT(message, HasSubstr("unexpected ','"));
  EXPECT_THAT(message, HasSubstr("expected a GeoJSON FeatureCollection"));
  EXPECT_THAT(read_error(fixture("missing.geojson")), HasSubstr("missing.geojson: cannot be read"));
}

// The 2007 INEI district layer as published by MINAM, simplified; see ../shared/data/peru-boundaries/SOURCE.md.
TEST(Boundaries, RealDistrictsOfPeru) {
  const auto file =
      std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data/peru-boundaries/peru_distrital_simple.geojson";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "needs ../shared/data (peru_distrital_simple.geojson)";
  // Its reading time is import_bench's BM_DistrictBoundariesOfPeru: tests check results, not speed.
  const std::vector<Boundary> boundaries = read_boundaries(file);

  // 1,834 features, 8 of them without geometry (Santa Anita in Lima and La Punta in Callao among them).
  ASSERT_EQ(boundaries.size(), 1826u);
  EXPECT_EQ(boundaries.back().feature, 1833u);
  std::set<std::string> codes;
  for (const Boundary& boundary : boundaries) {
    EXPECT_TRUE(boundary.code.size() == 6 &&
                std::all_of(boundary.code.begin(), boundary.code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        << boundary.code;
    EXPECT_TRUE(codes.insert(boundary.code).second) << "duplicate " << boundary.code;
  }

  // Trujillo province as of 2007: no Alto Trujillo (130112), which is still part of El Porvenir.
  const LocalProjection projection({-79.03, -8.11});
  std::map<std::string, Area> trujillo;
  for (const Boundary& boundary : boundaries) {
    if (boundary.code.starts_with("1301")) trujillo.emplace(boundary.code, project(boundary, projection));
  }
  ASSERT_EQ(trujillo.size(), 11u);
  EXPECT_EQ(trujillo.begin()->first, "130101");
  EXPECT_EQ(trujillo.rbegin()->first, "130111");
  for (const auto& [code, area] : trujillo) {
    // The centroid of each of these outlines lies inside it; and a grid of samples over the
    // bounding box finds the area that the shoelace sum gives, so contains() agrees with area_m2().
    EXPECT_TRUE(area.contains(area.centroid())) << code;
    constexpr int kSamples = 400;
    const double width = area.max().x_m - area.min().x_m, height = area.max().y_m - area.min().y_m;
    int inside = 0;
    for (int i = 0; i < kSamples; ++i) {
      for (int j = 0; j < kSamples; ++j) {
        inside += area.contains(
            {area.min().x_m + (i + 0.5) * width / kSamples, area.min().y_m + (j + 0.5) * height / kSamples});
      }
    }
    EXPECT_NEAR(inside * width * height / (kSamples * kSamples), area.area_m2(), area.area_m2() * 0.01) << code;
  }

  // The districts tile the province: no sample of its bounding box falls in two of them, which
  // district assignment relies on.
  PointXY low = trujillo.begin()->second.min(), high = trujillo.begin()->second.max();
  for (const auto& [code, area] : trujillo) {
    low = {std::min(low.x_m, area.min().x_m), std::min(low.y_m, area.min().y_m)};
    high = {std::max(high.x_m, area.max().x_m), std::max(high.y_m, area.max().y_m)};
  }
  constexpr int kProvinceSamples = 600;
  for (int i = 0; i < kProvinceSamples; ++i) {
    for (int j = 0; j < kProvinceSamples; ++j) {
      const PointXY sample{low.x_m + (i + 0.5) * (high.x_m - low.x_m) / kProvinceSamples,
                           low.y_m + (j + 0.5) * (high.y_m - low.y_m) / kProvinceSamples};
      ASSERT_LE(std::count_if(trujillo.begin(), trujillo.end(),
                              [&](const auto& entry) { return entry.second.contains(sample); }),
                1)
          << sample.x_m << ", " << sample.y_m;
    }
  }

  // Trujillo district: the file's 7-vertex outline covers 4,430 ha, 15 % more than AREA_MINAM's
  // 3,837.8 ha (SHAPE_AREA, taken before simplification, agrees with AREA_MINAM to 1 %). The
  // projection itself is checked against the spherical area of the same outline, 44,300,682 m2.
  const double area_m2 = trujillo.at("130101").area_m2();
  EXPECT_NEAR(area_m2, 3837.8e4, 3837.8e4 * 0.20);
  EXPECT_NEAR(area_m2, 44'300'682, 44'300'682 * 0.001);
}

}  // namespace
}  // namespace munisim
