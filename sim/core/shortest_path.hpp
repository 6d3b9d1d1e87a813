// Shortest paths on a RoadNetwork: Dijkstra from one origin to all nodes, point-to-point Dijkstra
// and A*, and a cache of single-origin trees for repeated origin-destination queries.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "sim/core/graph.hpp"

namespace munisim {

class Parallelism;

enum class PathWeight { length_m, free_time_min };

struct Path {
  double cost = 0;
  std::vector<EdgeId> edges;  // in driving order
};

struct ShortestPathTree {
  std::vector<double> cost;      // +infinity where unreachable
  std::vector<EdgeId> via_edge;  // edge used to reach each node; kNoEdge at the origin
  static constexpr EdgeId kNoEdge = static_cast<EdgeId>(-1);
};

[[nodiscard]] ShortestPathTree shortest_path_tree(const RoadNetwork& network, NodeId origin, PathWeight weight);
// The path from the tree's origin `from` to `to`; nullopt when `to` is unreachable.
[[nodiscard]] std::optional<Path> path_in_tree(const RoadNetwork& network, const ShortestPathTree& tree, NodeId from,
                                               NodeId to);
[[nodiscard]] std::optional<Path> dijkstra_path(const RoadNetwork& network, NodeId from, NodeId to, PathWeight weight);
// A* with a straight-line heuristic (distance, or distance at the network's top speed): same
// costs as Dijkstra, fewer nodes settled.
[[nodiscard]] std::optional<Path> astar_path(const RoadNetwork& network, NodeId from, NodeId to, PathWeight weight);

// Thread-safe cache of whole shortest-path trees per origin, evicting the least recently used.
// Answers are exactly those of a fresh Dijkstra, cached or not.
class PathCache {
 public:
  PathCache(const RoadNetwork& network, PathWeight weight, std::size_t max_origins);
  [[nodiscard]] double cost(NodeId from, NodeId to);
  [[nodiscard]] std::optional<Path> path(NodeId from, NodeId to);
  // Computes the trees of `origins` not cached yet (up to the cache's size), one per thread of
  // `parallel`, so that the queries that follow find them.
  void warm(std::span<const NodeId> origins, Parallelism& parallel);
  [[nodiscard]] std::size_t hits() const;
  [[nodiscard]] std::size_t misses() const;

 private:
  std::shared_ptr<const ShortestPathTree> tree(NodeId origin);
  // Caches `computed` as the tree of `origin`, unless another thread cached one first; returns
  // the cached tree. The caller holds mutex_.
  std::shared_ptr<const ShortestPathTree> remember(NodeId origin, std::shared_ptr<const ShortestPathTree> computed);

  const RoadNetwork& network_;
  PathWeight weight_;
  std::size_t max_origins_;
  mutable std::mutex mutex_;
  std::list<NodeId> recent_;  // most recent first
  std::unordered_map<NodeId, std::pair<std::shared_ptr<const ShortestPathTree>, std::list<NodeId>::iterator>> trees_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace munisim
