#include "sim/waste/route_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace munisim {
namespace {

CostMatrix euclidean(const std::vector<std::pair<double, double>>& points) {
  CostMatrix cost(points.size(), std::vector<double>(points.size()));
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t j = 0; j < points.size(); ++j) {
      cost[i][j] = std::hypot(points[i].first - points[j].first, points[i].second - points[j].second);
    }
  }
  return cost;
}

TEST(RouteOrder, StopsOnALineAreVisitedInOrder) {
  // Depot at 0, stops given as 5, 1, 4, 2, 3: as given the tour is 18 long, in order 10.
  const CostMatrix cost = euclidean({{0, 0}, {5, 0}, {1, 0}, {4, 0}, {2, 0}, {3, 0}});
  EXPECT_DOUBLE_EQ(tour_cost(cost, {1, 2, 3, 4, 5}), 18);
  const auto order = optimise_tour(cost);
  EXPECT_DOUBLE_EQ(tour_cost(cost, order), 10);
}

TEST(RouteOrder, TwoOptUntanglesPointsOnACircle) {
  // Twelve stops on a circle, listed in a scrambled order; the best tour follows the circle.
  std::vector<std::pair<double, double>> points{{0, 0}};
  const std::vector<int> scrambled = {0, 6, 3, 9, 1, 7, 4, 10, 2, 8, 5, 11};
  for (int k : scrambled) {
    const double angle = 2 * std::numbers::pi * k / 12;
    points.emplace_back(10 * std::cos(angle), 10 * std::sin(angle));
  }
  const CostMatrix cost = euclidean(points);
  const auto order = optimise_tour(cost);
  std::vector<std::size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) EXPECT_EQ(sorted[i], i + 1) << "a permutation of the stops";
  // Depot to the circle and back (2 x 10) plus eleven chords between neighbours.
  const double chord = 2 * 10 * std::sin(std::numbers::pi / 12);
  EXPECT_NEAR(tour_cost(cost, order), 20 + 11 * chord, 1e-9);
}

TEST(RouteOrder, NoStopsAndOneStop) {
  EXPECT_TRUE(optimise_tour(euclidean({{0, 0}})).empty());
  EXPECT_EQ(optimise_tour(euclidean({{0, 0}, {3, 4}})), (std::vector<std::size_t>{1}));
}

}  // namespace
}  // namespace munisim
