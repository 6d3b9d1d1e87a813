#include "sim/core/graph.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <thread>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/shortest_path.hpp"

namespace munisim {
namespace {

// 0 -> 1 -> 2 -> 3 with a long direct 0 -> 3, a one-way 3 -> 4, and 5 isolated.
//   lengths: 0-1 100, 1-2 100, 2-3 100 (two-way), 0-3 500 (two-way), 3->4 50 (one-way)
RoadNetwork small_network() {
  RoadNetworkBuilder builder;
  for (int i = 0; i < 6; ++i) builder.add_node(100.0 * i, 0);
  builder.add_two_way(0, 1, 100, 36, 1);
  builder.add_two_way(1, 2, 100, 36, 1);
  builder.add_two_way(2, 3, 100, 36, 1);
  builder.add_two_way(0, 3, 500, 72, 2);
  builder.add_edge(3, 4, 50, 36, 1);
  return builder.build();
}

TEST(RoadNetwork, CompactAdjacencyKeepsEdgeAttributes) {
  const RoadNetwork network = small_network();
  EXPECT_EQ(network.node_count(), 6u);
  EXPECT_EQ(network.edge_count(), 9u);
  EXPECT_DOUBLE_EQ(network.total_length_m(), 2 * (100 + 100 + 100 + 500) + 50);
  for (NodeId node = 0; node < network.node_count(); ++node) {
    for (EdgeId edge : network.out_edges(node)) EXPECT_EQ(network.edge_from(edge), node);
  }
  EXPECT_EQ(network.out_edges(5).size(), 0u);
  // 100 m at 36 km/h = 10 s.
  const EdgeId first = network.out_edges(0)[0];
  EXPECT_DOUBLE_EQ(network.edge_free_time_min(first), 10.0 / 60);
  EXPECT_EQ(network.nearest_node(390, 10), 4u);
}

TEST(ShortestPath, KnownDistancesAndOneWayStreets) {
  const RoadNetwork network = small_network();
  const ShortestPathTree tree = shortest_path_tree(network, 0, PathWeight::length_m);
  EXPECT_DOUBLE_EQ(tree.cost[3], 300);
  EXPECT_DOUBLE_EQ(tree.cost[4], 350);
  EXPECT_TRUE(std::isinf(tree.cost[5]));
  EXPECT_FALSE(dijkstra_path(network, 4, 3, PathWeight::length_m)) << "3 -> 4 is one-way";
  const auto path = dijkstra_path(network, 0, 4, PathWeight::length_m);
  ASSERT_TRUE(path);
  EXPECT_DOUBLE_EQ(path->cost, 350);
  ASSERT_EQ(path->edges.size(), 4u);
  EXPECT_EQ(network.edge_from(path->edges.front()), 0u);
  EXPECT_EQ(network.edge_to(path->edges.back()), 4u);
}

TEST(ShortestPath, TimeWeightPrefersTheFastRoad) {
  const RoadNetwork network = small_network();
  // 300 m at 36 km/h is 0.5 min; 500 m at 72 km/h is 25/60 min.
  const auto path = dijkstra_path(network, 0, 3, PathWeight::free_time_min);
  ASSERT_TRUE(path);
  EXPECT_NEAR(path->cost, 25.0 / 60, 1e-12);
  EXPECT_EQ(path->edges.size(), 1u);
}

RoadNetwork random_grid(int side, std::uint64_t seed) {
  RoadNetworkBuilder builder;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) builder.add_node(100.0 * x, 100.0 * y);
  }
  RandomStream stream(seed, 0, 0, 0);
  auto id = [side](int x, int y) { return static_cast<NodeId>(y * side + x); };
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      // Lengths at least the straight line keep the A* heuristic admissible.
      if (x + 1 < side)
        builder.add_two_way(id(x, y), id(x + 1, y), 100 + 50 * stream.uniform(), 20 + 40 * stream.uniform(), 1);
      if (y + 1 < side)
        builder.add_two_way(id(x, y), id(x, y + 1), 100 + 50 * stream.uniform(), 20 + 40 * stream.uniform(), 1);
    }
  }
  return builder.build();
}

TEST(ShortestPath, AStarMatchesDijkstraOnARandomGrid) {
  const RoadNetwork network = random_grid(30, 3);
  RandomStream pick(4, 0, 0, 0);
  for (int query = 0; query < 200; ++query) {
    const auto from = static_cast<NodeId>(pick.uniform() * 900);
    const auto to = static_cast<NodeId>(pick.uniform() * 900);
    for (PathWeight weight : {PathWeight::length_m, PathWeight::free_time_min}) {
      const auto exact = dijkstra_path(network, from, to, weight);
      const auto guided = astar_path(network, from, to, weight);
      ASSERT_TRUE(exact && guided);
      EXPECT_NEAR(guided->cost, exact->cost, 1e-9 * exact->cost);
    }
  }
}

TEST(StronglyConnected, SeparatesOneWayDeadEndsAndIslands) {
  const auto components = small_network().strongly_connected_components();
  EXPECT_EQ(components[0], components[1]);
  EXPECT_EQ(components[0], components[3]);
  EXPECT_NE(components[3], components[4]) << "4 can be reached but not left";
  EXPECT_NE(components[0], components[5]);
}

TEST(StronglyConnected, TwoLongOneWayRingsNeedNoRecursion) {
  // Depth-first search on a ring goes as deep as the ring is long: recursion would overflow.
  constexpr NodeId kRing = 300000;
  RoadNetworkBuilder builder;
  for (NodeId i = 0; i < 2 * kRing; ++i) builder.add_node(i, 0);
  for (NodeId ring = 0; ring < 2; ++ring) {
    for (NodeId i = 0; i < kRing; ++i) builder.add_edge(ring * kRing + i, ring * kRing + (i + 1) % kRing, 10, 30, 1);
  }
  builder.add_edge(0, kRing, 10, 30, 1);  // one way between the rings joins nothing
  const auto components = builder.build().strongly_connected_components();
  for (NodeId i = 0; i < kRing; ++i) {
    ASSERT_EQ(components[i], components[0]);
    ASSERT_EQ(components[kRing + i], components[kRing]);
  }
  EXPECT_NE(components[0], components[kRing]);
}

TEST(RoadNetwork, NearestNodeOnAGrid) {
  const RoadNetwork network = random_grid(30, 5);  // nodes every 100 m
  EXPECT_EQ(network.nearest_node(1020, 1960), 20u * 30 + 10);
  EXPECT_EQ(network.nearest_node(-500, -500), 0u);
  EXPECT_EQ(network.nearest_node(99999, 99999), 30u * 30 - 1);
  EXPECT_THROW((void)RoadNetworkBuilder().build().nearest_node(0, 0), Error);
}

TEST(PathCache, SameAnswersAsFreshSearchesFromManyThreads) {
  const RoadNetwork network = random_grid(20, 8);
  PathCache cache(network, PathWeight::free_time_min, 8);
  auto check = [&](std::uint64_t seed) {
    RandomStream pick(seed, 0, 0, 0);
    for (int query = 0; query < 100; ++query) {
      const auto from = static_cast<NodeId>(pick.uniform() * 12);  // few origins: hits and evictions
      const auto to = static_cast<NodeId>(pick.uniform() * 400);
      const auto exact = dijkstra_path(network, from, to, PathWeight::free_time_min);
      EXPECT_EQ(cache.cost(from, to), exact->cost);
      EXPECT_EQ(cache.path(from, to)->edges, exact->edges);
    }
  };
  std::thread other(check, 1);
  check(2);
  other.join();
  EXPECT_GT(cache.hits(), 0u);
  EXPECT_GT(cache.misses(), 8u);
}

TEST(PathCache, WarmedTreesGiveTheAnswersOfFreshSearchesAndAreNotComputedAgain) {
  const RoadNetwork network = random_grid(20, 8);
  const std::vector<NodeId> origins{3, 77, 3, 150, 399};  // one twice
  for (int threads : {1, 3}) {
    Parallelism parallel(threads);
    PathCache cache(network, PathWeight::length_m, 4);
    cache.warm(origins, parallel);
    EXPECT_EQ(cache.misses(), 4u) << "each distinct origin once";
    for (NodeId from : {3u, 77u, 150u, 399u}) {
      for (NodeId to : {0u, 42u, 398u}) {
        const auto exact = dijkstra_path(network, from, to, PathWeight::length_m);
        EXPECT_EQ(cache.cost(from, to), exact->cost);
        EXPECT_EQ(cache.path(from, to)->edges, exact->edges);
      }
    }
    EXPECT_EQ(cache.misses(), 4u) << "the queries found the warmed trees";
    EXPECT_EQ(cache.hits(), 24u);
  }
}

}  // namespace
}  // namespace munisim
