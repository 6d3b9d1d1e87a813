// Road networks from polylines on hand-made lines with exact distances: shared and nearby points merge, duplicates
// keep the fastest, small pieces are dropped; and a street's crossings put in order.
#include "sim/data/polyline_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

RoadPolyline line(std::vector<PointXY> points, double speed_kmh = 30, int lanes = 1) {
  return {.points = std::move(points), .speed_kmh = speed_kmh, .lanes = lanes};
}

// The edge from the node at `from` to the node at `to`, which must exist.
EdgeId edge_between(const RoadNetwork& network, PointXY from, PointXY to) {
  const NodeId a = network.nearest_node(from.x_m, from.y_m);
  const NodeId b = network.nearest_node(to.x_m, to.y_m);
  for (const EdgeId edge : network.out_edges(a)) {
    if (network.edge_to(edge) == b) return edge;
  }
  ADD_FAILURE() << "no edge from (" << from.x_m << ", " << from.y_m << ") to (" << to.x_m << ", " << to.y_m << ")";
  return 0;
}

TEST(PolylineNetwork, CrossingLinesShareTheirCommonPoint) {
  const RoadNetwork network =
      network_from_polylines({line({{0, 0}, {100, 0}, {250, 0}}), line({{100, -100}, {100, 0}, {100, 60}}, 50, 2)});
  ASSERT_EQ(network.node_count(), 5u);
  ASSERT_EQ(network.edge_count(), 8u);
  EXPECT_DOUBLE_EQ(network.total_length_m(), 2 * (100 + 150 + 100 + 60));
  const EdgeId east = edge_between(network, {100, 0}, {250, 0});
  EXPECT_DOUBLE_EQ(network.edge_length_m(east), 150);
  EXPECT_EQ(network.edge_free_speed_kmh(east), 30);
  const EdgeId north = edge_between(network, {100, 0}, {100, 60});
  EXPECT_DOUBLE_EQ(network.edge_length_m(north), 60);
  EXPECT_EQ(network.edge_free_speed_kmh(north), 50);
  EXPECT_EQ(network.edge_lanes(north), 2);
  EXPECT_DOUBLE_EQ(network.edge_length_m(edge_between(network, {100, 60}, {100, 0})), 60);
  // Nodes in the order the lines first reach them.
  EXPECT_EQ(network.node_x(0), 0);
  EXPECT_EQ(network.node_x(1), 100);
  EXPECT_EQ(network.node_y(3), -100);
}

TEST(PolylineNetwork, EndsCloserThanTheToleranceMerge) {
  // The second line starts 10 m from where the first ends and joins its node there.
  const RoadNetwork merged = network_from_polylines({line({{0, 0}, {100, 0}}), line({{106, 8}, {200, 8}})});
  ASSERT_EQ(merged.node_count(), 3u);
  EXPECT_EQ(merged.edge_count(), 4u);
  EXPECT_DOUBLE_EQ(merged.edge_length_m(edge_between(merged, {100, 0}, {200, 8})), std::hypot(100, 8));

  // At 20 m they stay apart, and the line met later, the smaller piece, is dropped.
  const RoadNetwork apart = network_from_polylines({line({{0, 0}, {100, 0}, {200, 0}}), line({{220, 0}, {300, 0}})});
  ASSERT_EQ(apart.node_count(), 3u);
  EXPECT_EQ(apart.node_x(2), 200);
  EXPECT_DOUBLE_EQ(apart.total_length_m(), 400);

  // A wider tolerance joins them.
  EXPECT_EQ(network_from_polylines({line({{0, 0}, {100, 0}}), line({{120, 0}, {300, 0}})}, {.merge_tolerance_m = 25})
                .node_count(),
            3u);
}

TEST(PolylineNetwork, PointsOfOneLineDoNotMergeUnlessEqual) {
  // A finely drawn line keeps every point; its return through the same positions shares them.
  const RoadNetwork network =
      network_from_polylines({line({{0, 0}, {5, 0}, {10, 0}, {10, 0}, {15, 3}, {10, 0}, {5, 0}})});
  EXPECT_EQ(network.node_count(), 4u);
  EXPECT_EQ(network.edge_count(), 6u);  // 0-5, 5-10, 10-(15,3), each both ways; no zero-length edge
}

TEST(PolylineNetwork, DuplicateEdgesKeepTheFastest) {
  const RoadNetwork network = network_from_polylines(
      {line({{0, 0}, {100, 0}}, 30, 1), line({{100, 4}, {0, 3}}, 60, 1), line({{0, 0}, {100, 0}}, 60, 3)});
  ASSERT_EQ(network.node_count(), 2u);
  ASSERT_EQ(network.edge_count(), 2u);
  for (EdgeId edge = 0; edge < 2; ++edge) {
    EXPECT_EQ(network.edge_free_speed_kmh(edge), 60);
    EXPECT_EQ(network.edge_lanes(edge), 3);
    EXPECT_DOUBLE_EQ(network.edge_length_m(edge), 100);  // between the nodes, where the first line put them
  }
}

TEST(PolylineNetwork, KeepsOnlyTheLargestConnectedPiece) {
  const RoadNetwork network =
      network_from_polylines({line({{0, 0}, {50, 0}}),  // an island met first
                              line({{1000, 0}, {1100, 0}, {1200, 0}}), line({{1100, 0}, {1100, 100}})});
  ASSERT_EQ(network.node_count(), 4u);
  EXPECT_EQ(network.node_x(0), 1000);
  EXPECT_EQ(network.edge_count(), 6u);
  EXPECT_DOUBLE_EQ(network.total_length_m(), 600);
}

TEST(PolylineNetwork, RejectsBadInput) {
  EXPECT_THROW((void)network_from_polylines({line({{0, 0}, {1, 0}}, 0)}), InputError);
  EXPECT_THROW((void)network_from_polylines({line({{0, 0}, {1, 0}}, 30, 0)}), InputError);
  EXPECT_THROW((void)network_from_polylines({line({{0, 0}, {std::nan(""), 0}})}), InputError);
  EXPECT_THROW((void)network_from_polylines({line({{0, 0}, {1, 0}})}, {.merge_tolerance_m = -1}), InputError);
  EXPECT_EQ(network_from_polylines({}).node_count(), 0u);
}

// How fast this runs is for a benchmark to say; a timed assertion fails on a busy machine.
TEST(PolylineNetwork, HundredThousandPointsMergeAtEveryCrossing) {
  // 100 streets each way, 100 m apart and drawn with points every 20 m, 2 and 3 m off the grid, so that at every
  // crossing one point of each street is 3.6 m from the other's and they merge.
  std::vector<RoadPolyline> lines;
  for (int i = 0; i < 100; ++i) {
    RoadPolyline along_x, along_y;
    for (int j = 0; j < 500; ++j) {
      along_x.points.push_back({j * 20.0, i * 100.0 + 3});
      along_y.points.push_back({i * 100.0 - 2, j * 20.0});
    }
    lines.push_back(std::move(along_x));
    lines.push_back(std::move(along_y));
  }
  const RoadNetwork network = network_from_polylines(lines);
  EXPECT_EQ(network.node_count(), 100000u - 100 * 100);
}

TEST(OrderAlongStreet, ShuffledCollinearPointsComeInOrder) {
  // Unevenly spaced along a straight street running north-north-east, with one crossing listed twice.
  std::vector<LonLat> along;
  for (int i = 0; i < 12; ++i) {
    const double t = i + i * i / 11.0;
    along.push_back({-71.54 + 0.0004 * t, -16.41 + 0.0009 * t});
  }
  along.insert(along.begin() + 5, along[5]);
  std::vector<LonLat> shuffled = along;
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const std::vector<LonLat> ordered = order_along_street(shuffled);
    ASSERT_EQ(ordered.size(), along.size());
    for (std::size_t i = 0; i < along.size(); ++i) {
      EXPECT_EQ(ordered[i].lon, along[i].lon) << i;
      EXPECT_EQ(ordered[i].lat, along[i].lat) << i;
    }
  }
}

TEST(OrderAlongStreet, StartsAtTheWestEndOfAnEastWestStreet) {
  const std::vector<LonLat> ordered = order_along_street({{-71.530, -16.40}, {-71.540, -16.40}, {-71.535, -16.401}});
  ASSERT_EQ(ordered.size(), 3u);
  EXPECT_EQ(ordered[0].lon, -71.540);
  EXPECT_EQ(ordered[1].lon, -71.535);
  EXPECT_EQ(ordered[2].lon, -71.530);
  EXPECT_TRUE(order_along_street({}).empty());
}

}  // namespace
}  // namespace munisim
