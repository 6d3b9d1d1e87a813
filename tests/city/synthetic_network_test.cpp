#include "sim/city/synthetic_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace munisim {
namespace {

StreetNetworkConfig small_grid() {
  StreetNetworkConfig config;
  config.block_m = 500;
  config.arterial_every = 2;
  return config;
}

TEST(SyntheticNetwork, GridSizeAndSpacingFollowTotalArea) {
  // 4 km2 at 500 m blocks: a 4 x 4 grid with exactly 500 m between neighbours.
  const SyntheticNetwork grid = build_synthetic_network(small_grid(), {1.0, 3.0});
  EXPECT_EQ(grid.network.node_count(), 16u);
  EXPECT_DOUBLE_EQ(grid.spacing_m, 500.0);
  // 2 * 4 rows * 3 links, both directions.
  EXPECT_EQ(grid.network.edge_count(), 48u);
  EXPECT_DOUBLE_EQ(grid.network.total_length_m(), 48 * 500.0);
}

TEST(SyntheticNetwork, ArterialsAreFasterEveryNthStreet) {
  const StreetNetworkConfig config = small_grid();
  const SyntheticNetwork grid = build_synthetic_network(config, {4.0});
  std::size_t arterial = 0;
  for (std::size_t e = 0; e < grid.network.edge_count(); ++e) {
    const auto edge = static_cast<EdgeId>(e);
    const double speed = grid.network.edge_free_speed_kmh(edge);
    EXPECT_TRUE(speed == config.street_speed_kmh || speed == config.arterial_speed_kmh);
    if (speed == config.arterial_speed_kmh) {
      ++arterial;
      EXPECT_EQ(grid.network.edge_lanes(edge), config.arterial_lanes);
    }
  }
  // Rows and columns 0 and 2 of a 4 x 4 grid are arterials: 4 lines x 3 links x 2 directions.
  EXPECT_EQ(arterial, 24u);
}

TEST(SyntheticNetwork, DistrictsGetNodesInProportionToAreaAndAtLeastOne) {
  StreetNetworkConfig config = small_grid();
  config.block_m = 100;  // 20 x 20 grid for 4 km2
  const SyntheticNetwork grid = build_synthetic_network(config, {3.0, 0.99, 0.01});
  std::vector<std::size_t> counts(3);
  for (std::uint32_t district : grid.node_district) ++counts.at(district);
  EXPECT_EQ(counts[0], 300u);
  EXPECT_EQ(counts[1], 99u);
  EXPECT_EQ(counts[2], 1u);
}

TEST(SyntheticNetwork, EachDistrictIsACompactConnectedPatch) {
  StreetNetworkConfig config = small_grid();
  config.block_m = 100;
  const SyntheticNetwork grid = build_synthetic_network(config, {1.0, 1.0, 1.0, 1.0});
  const RoadNetwork& network = grid.network;
  // Flood fill inside each district from its first node reaches all of the district's nodes.
  for (std::uint32_t district = 0; district < 4; ++district) {
    std::vector<NodeId> members;
    for (std::size_t n = 0; n < network.node_count(); ++n) {
      if (grid.node_district[n] == district) members.push_back(static_cast<NodeId>(n));
    }
    std::set<NodeId> reached{members.front()};
    std::vector<NodeId> frontier{members.front()};
    while (!frontier.empty()) {
      const NodeId node = frontier.back();
      frontier.pop_back();
      for (EdgeId edge : network.out_edges(node)) {
        const NodeId next = network.edge_to(edge);
        if (grid.node_district[next] == district && reached.insert(next).second) frontier.push_back(next);
      }
    }
    EXPECT_EQ(reached.size(), members.size()) << "district " << district;
  }
}

TEST(SyntheticNetwork, MaxNodesWidensTheSpacing) {
  StreetNetworkConfig config = small_grid();
  config.block_m = 100;
  config.max_nodes = 100;
  const SyntheticNetwork grid = build_synthetic_network(config, {4.0});
  EXPECT_EQ(grid.network.node_count(), 100u);
  EXPECT_DOUBLE_EQ(grid.spacing_m, 200.0);
}

TEST(SyntheticNetwork, StronglyConnected) {
  const SyntheticNetwork grid = build_synthetic_network(small_grid(), {2.0, 2.0});
  const auto components = grid.network.strongly_connected_components();
  EXPECT_TRUE(std::all_of(components.begin(), components.end(), [&](auto c) { return c == components[0]; }));
}

}  // namespace
}  // namespace munisim
