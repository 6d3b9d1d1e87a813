// District maps from an output's geometry (sim/report/svg_map.hpp) on hand-built tables.
#include "sim/report/svg_map.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

Table districts() {
  return {.name = "districts",
          .numbers = {{"centroid_x", "m", {5, 15}}, {"centroid_y", "m", {5, 5}}},
          .ints = {},
          .texts = {{"name", {"Centro", "Norte"}}}};
}

// Two unit squares side by side, 10 m each.
Table boundaries() {
  return {.name = "district_boundaries",
          .numbers = {{"x", "m", {0, 10, 10, 0, 10, 20, 20, 10}}, {"y", "m", {0, 0, 10, 10, 0, 0, 10, 10}}},
          .ints = {{"district", {0, 0, 0, 0, 1, 1, 1, 1}},
                   {"part", {0, 0, 0, 0, 0, 0, 0, 0}},
                   {"ring", {0, 0, 0, 0, 0, 0, 0, 0}}},
          .texts = {}};
}

TEST(DistrictShapes, BoundaryRingsBecomeOneClosedPathPerDistrict) {
  const DistrictShapes shapes = *district_shapes({districts(), boundaries()});
  ASSERT_EQ(shapes.paths.size(), 2u);
  EXPECT_EQ(shapes.layout, "district boundaries");
  EXPECT_EQ(shapes.paths[0].front(), 'M');
  EXPECT_EQ(shapes.paths[0].back(), 'Z');
  // North up: the 20 m wide city fills the width, so the frame is half as high as wide (plus margins).
  EXPECT_NEAR(shapes.height - 16, (shapes.width - 16) / 2, 1e-9);
  EXPECT_LT(shapes.label_at[0][0], shapes.label_at[1][0]);
}

TEST(DistrictShapes, WithoutBoundariesStreetNodesAreTiles) {
  const Table nodes{.name = "network_nodes",
                    .numbers = {{"x", "m", {0, 10, 20}}, {"y", "m", {0, 0, 0}}},
                    .ints = {{"district", {0, 1, -1}}},
                    .texts = {}};
  const DistrictShapes shapes = *district_shapes({districts(), nodes});
  EXPECT_NE(shapes.layout.find("synthetic"), std::string::npos);
  EXPECT_FALSE(shapes.paths[0].empty());
  EXPECT_FALSE(district_shapes({nodes}));  // no district table: no map
  EXPECT_FALSE(district_shapes({}));
}

TEST(DistrictShapes, ADistrictWithoutAPolygonIsDrawnAsItsStreetNodes) {
  Table three = districts();
  three.texts[0].values.push_back("Nueva");
  three.numbers[0].values.push_back(25);
  three.numbers[1].values.push_back(5);
  const Table nodes{.name = "network_nodes",
                    .numbers = {{"x", "m", {5, 15, 25}}, {"y", "m", {5, 5, 5}}},
                    .ints = {{"district", {0, 1, 2}}},
                    .texts = {}};
  const DistrictShapes shapes = *district_shapes({three, boundaries(), nodes});
  EXPECT_EQ(shapes.paths[2].substr(0, 1), "M");
  EXPECT_NE(shapes.paths[2].find('h'), std::string::npos);  // a tile, not a ring
  EXPECT_EQ(shapes.paths[0].find('h'), std::string::npos);
  EXPECT_NE(shapes.layout.find("without a polygon"), std::string::npos);
}

TEST(DistrictMap, FillsByValueOnTheViridisRampWithALegendOfUnitAndRange) {
  const DistrictShapes shapes = *district_shapes({districts(), boundaries()});
  const std::string svg = svg_district_map(shapes, {1200, 3400}, "Waste collected", "t", 0);
  EXPECT_NE(svg.find("fill=\"" + ramp_colour(0) + "\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"" + ramp_colour(1) + "\""), std::string::npos);
  EXPECT_NE(svg.find(">1,200 t</text>"), std::string::npos);
  EXPECT_NE(svg.find(">3,400 t</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Norte: 3,400 t</title>"), std::string::npos);
  EXPECT_EQ(ramp_colour(0), "#440154");
  EXPECT_EQ(ramp_colour(1), "#fde725");
}

}  // namespace
}  // namespace munisim
