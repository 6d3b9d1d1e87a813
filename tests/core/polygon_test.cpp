#include "sim/core/polygon.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

Ring square(double x0, double y0, double side) {
  return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
}

Ring reversed(Ring ring) {
  std::reverse(ring.begin(), ring.end());
  return ring;
}

void expect_point(PointXY actual, double x_m, double y_m) {
  EXPECT_DOUBLE_EQ(actual.x_m, x_m);
  EXPECT_DOUBLE_EQ(actual.y_m, y_m);
}

TEST(Polygon, UnitSquare) {
  const Area area({{.outer = square(0, 0, 1)}});
  EXPECT_TRUE(area.contains({0.5, 0.5}));
  EXPECT_TRUE(area.contains({0.999, 0.001}));
  EXPECT_FALSE(area.contains({1.5, 0.5}));
  EXPECT_FALSE(area.contains({-0.001, 0.5}));
  EXPECT_FALSE(area.contains({0.5, 1.001}));
  EXPECT_DOUBLE_EQ(area.area_m2(), 1);
  expect_point(area.centroid(), 0.5, 0.5);
  expect_point(area.min(), 0, 0);
  expect_point(area.max(), 1, 1);
  EXPECT_DOUBLE_EQ(ring_signed_area_m2(square(0, 0, 1)), 1);
  EXPECT_DOUBLE_EQ(ring_signed_area_m2(reversed(square(0, 0, 1))), -1);
}

TEST(Polygon, PointsOnEdgesBelongToTheLeftAndBottomEdges) {
  const Area area({{.outer = square(0, 0, 1)}});
  EXPECT_TRUE(area.contains({0, 0.5}));
  EXPECT_TRUE(area.contains({0.5, 0}));
  EXPECT_TRUE(area.contains({0, 0}));
  EXPECT_FALSE(area.contains({1, 0.5}));
  EXPECT_FALSE(area.contains({0.5, 1}));
  EXPECT_FALSE(area.contains({1, 1}));
  EXPECT_FALSE(area.contains({1, 0}));
  EXPECT_FALSE(area.contains({0, 1}));
}

TEST(Polygon, NeighboursSharingASlantedEdgeClaimEachPointOnItOnce) {
  // Two quadrilaterals either side of the edge a-b, which each traverses in its own direction.
  const PointXY a{0.1, 0.2}, b{0.7, 0.9};
  const Area left({{.outer = {a, b, {-1, 1}, {-1, 0}}}});
  const Area right({{.outer = {b, a, {2, 0}, {2, 1}}}});
  for (int i = 1; i < 100; ++i) {
    const double t = i / 100.0;
    const PointXY on_edge{a.x_m + t * (b.x_m - a.x_m), a.y_m + t * (b.y_m - a.y_m)};
    EXPECT_NE(left.contains(on_edge), right.contains(on_edge)) << t;
  }
}

TEST(Polygon, SquareWithAHole) {
  // Outer counter-clockwise, hole clockwise as GeoJSON has them; the reverse must not matter.
  const Ring hole = reversed({{1, 1}, {2, 1}, {2, 3}, {1, 3}});
  for (const auto& [outer, inner] :
       {std::pair{square(0, 0, 4), hole}, std::pair{reversed(square(0, 0, 4)), reversed(hole)}}) {
    const Area area({{.outer = outer, .holes = {inner}}});
    EXPECT_TRUE(area.contains({3, 3}));
    EXPECT_TRUE(area.contains({0.5, 0.5}));
    EXPECT_FALSE(area.contains({1.5, 2}));
    EXPECT_FALSE(area.contains({5, 1}));
    EXPECT_FALSE(area.contains({1, 2}));  // on the hole's left edge: the hole is to its right
    EXPECT_TRUE(area.contains({2, 2}));
    EXPECT_DOUBLE_EQ(area.area_m2(), 14);
    expect_point(area.centroid(), 29.0 / 14, 2);
  }
}

TEST(Polygon, ConcaveLShape) {
  const Area area({{.outer = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}}});
  EXPECT_TRUE(area.contains({0.5, 1.5}));
  EXPECT_TRUE(area.contains({1.5, 0.5}));
  EXPECT_FALSE(area.contains({1.5, 1.5}));  // in the notch, inside the bounding box
  EXPECT_FALSE(area.contains({1.5, 1}));    // on the top edge of the foot
  EXPECT_DOUBLE_EQ(area.area_m2(), 3);
  expect_point(area.centroid(), 5.0 / 6, 5.0 / 6);
  EXPECT_TRUE(area.contains(area.centroid()));
}

TEST(Polygon, MultipolygonOfTwoSquares) {
  const Area area({{.outer = square(0, 0, 1)}, {.outer = reversed(square(2, 0, 2))}});
  EXPECT_EQ(area.parts().size(), 2u);
  EXPECT_TRUE(area.contains({0.5, 0.5}));
  EXPECT_TRUE(area.contains({3, 1}));
  EXPECT_FALSE(area.contains({1.5, 0.5}));
  EXPECT_FALSE(area.contains({0.5, 1.5}));
  EXPECT_DOUBLE_EQ(area.area_m2(), 5);
  expect_point(area.centroid(), 2.5, 0.9);
  expect_point(area.min(), 0, 0);
  expect_point(area.max(), 4, 2);
}

TEST(Polygon, EmptyAreaHoldsNothing) {
  const Area area;
  EXPECT_FALSE(area.contains({0, 0}));
  EXPECT_DOUBLE_EQ(area.area_m2(), 0);
  EXPECT_THROW((void)area.centroid(), Error);
}

TEST(Polygon, SelfIntersection) {
  EXPECT_TRUE(ring_self_intersects({{0, 0}, {1, 1}, {1, 0}, {0, 1}}));  // bow-tie
  EXPECT_FALSE(ring_self_intersects(square(0, 0, 1)));
  EXPECT_FALSE(ring_self_intersects({{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}));
  // Two triangles meeting at the point (1, 1), visited twice: touching, not crossing.
  EXPECT_FALSE(ring_self_intersects({{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 1}}));
  // An edge passing through a vertex of another is not a proper crossing either.
  EXPECT_FALSE(ring_self_intersects({{0, 0}, {4, 0}, {4, 4}, {2, 0}, {0, 4}}));
}

TEST(Polygon, SelfIntersectionOfLargeRings) {
  // A star with 10^4 points: many edges overlap in x, none cross until two points swap.
  constexpr int kPoints = 10'000;
  Ring star;
  for (int i = 0; i < kPoints; ++i) {
    const double angle = 2 * std::numbers::pi * i / kPoints;
    const double radius = i % 2 == 0 ? 1000 : 900;
    star.push_back({radius * std::cos(angle), radius * std::sin(angle)});
  }
  EXPECT_FALSE(ring_self_intersects(star));
  std::swap(star[10], star[12]);
  EXPECT_TRUE(ring_self_intersects(star));
}

}  // namespace
}  // namespace munisim
