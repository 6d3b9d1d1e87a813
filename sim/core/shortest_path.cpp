#include "sim/core/shortest_path.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <queue>
#include <span>

#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::span<const double> edge_costs(const RoadNetwork& network, PathWeight weight) {
  return weight == PathWeight::length_m ? network.edge_lengths_m() : network.edge_free_times_min();
}

struct Label {
  double priority;
  NodeId node;
  friend bool operator>(const Label& a, const Label& b) {
    return a.priority > b.priority || (a.priority == b.priority && a.node > b.node);
  }
};

// Label-setting search from `from`; stops once `target` is settled (when given). `heuristic`
// returns a lower bound of the remaining cost (0 for plain Dijkstra).
template <class Heuristic>
ShortestPathTree search(const RoadNetwork& network, NodeId from, std::optional<NodeId> target, PathWeight weight,
                        Heuristic heuristic) {
  ShortestPathTree tree;
  tree.cost.assign(network.node_count(), kInfinity);
  tree.via_edge.assign(network.node_count(), ShortestPathTree::kNoEdge);
  std::vector<bool> settled(network.node_count(), false);
  const std::span<const double> costs = edge_costs(network, weight);
  std::priority_queue<Label, std::vector<Label>, std::greater<>> queue;
  tree.cost[from] = 0;
  queue.push({heuristic(from), from});
  while (!queue.empty()) {
    const NodeId node = queue.top().node;
    queue.pop();
    if (settled[node]) continue;
    settled[node] = true;
    if (target && node == *target) break;
    for (EdgeId edge : network.out_edges(node)) {
      const NodeId next = network.edge_to(edge);
      const double cost = tree.cost[node] + costs[edge];
      if (cost < tree.cost[next]) {
        tree.cost[next] = cost;
        tree.via_edge[next] = edge;
        queue.push({cost + heuristic(next), next});
      }
    }
  }
  return tree;
}

}  // namespace

std::optional<Path> path_in_tree(const RoadNetwork& network, const ShortestPathTree& tree, NodeId from, NodeId to) {
  if (tree.cost[to] == kInfinity) return std::nullopt;
  Path path{tree.cost[to], {}};
  for (NodeId node = to; node != from; node = network.edge_from(tree.via_edge[node])) {
    path.edges.push_back(tree.via_edge[node]);
  }
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

ShortestPathTree shortest_path_tree(const RoadNetwork& network, NodeId origin, PathWeight weight) {
  return search(network, origin, std::nullopt, weight, [](NodeId) { return 0.0; });
}

std::optional<Path> dijkstra_path(const RoadNetwork& network, NodeId from, NodeId to, PathWeight weight) {
  return path_in_tree(network, search(network, from, to, weight, [](NodeId) { return 0.0; }), from, to);
}

std::optional<Path> astar_path(const RoadNetwork& network, NodeId from, NodeId to, PathWeight weight) {
  const double tx = network.node_x(to);
  const double ty = network.node_y(to);
  // Straight-line metres, or minutes at the fastest free speed: never more than the true cost.
  // The factor just below one keeps the bound admissible despite rounding in edge lengths.
  const double per_metre = weight == PathWeight::length_m ? 1.0 : 0.06 / network.max_free_speed_kmh();
  const double scale = per_metre * (1.0 - 1e-12);
  auto heuristic = [&](NodeId node) {
    const double dx = network.node_x(node) - tx;
    const double dy = network.node_y(node) - ty;
    return scale * std::sqrt(dx * dx + dy * dy);  // hypot's overflow care costs more than the whole relaxation
  };
  return path_in_tree(network, search(network, from, to, weight, heuristic), from, to);
}

PathCache::PathCache(const RoadNetwork& network, PathWeight weight, std::size_t max_origins)
    : network_(network), weight_(weight), max_origins_(std::max<std::size_t>(1, max_origins)) {}

std::shared_ptr<const ShortestPathTree> PathCache::tree(NodeId origin) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = trees_.find(origin); found != trees_.end()) {
      recent_.splice(recent_.begin(), recent_, found->second.second);
      ++hits_;
      return found->second.first;
    }
    ++misses_;
  }
  // Computed outside the lock so other origins proceed; a concurrent duplicate is harmless.
  auto computed = std::make_shared<const ShortestPathTree>(shortest_path_tree(network_, origin, weight_));
  std::lock_guard lock(mutex_);
  return remember(origin, std::move(computed));
}

std::shared_ptr<const ShortestPathTree> PathCache::remember(NodeId origin,
                                                            std::shared_ptr<const ShortestPathTree> computed) {
  if (auto found = trees_.find(origin); found != trees_.end()) return found->second.first;
  recent_.push_front(origin);
  trees_[origin] = {computed, recent_.begin()};
  if (trees_.size() > max_origins_) {
    trees_.erase(recent_.back());
    recent_.pop_back();
  }
  return computed;
}

void PathCache::warm(std::span<const NodeId> origins, Parallelism& parallel) {
  std::vector<NodeId> missing;
  {
    std::lock_guard lock(mutex_);
    for (NodeId origin : origins) {
      const bool known = trees_.contains(origin) || std::find(missing.begin(), missing.end(), origin) != missing.end();
      if (!known && missing.size() < max_origins_) missing.push_back(origin);
    }
    misses_ += missing.size();
  }
  std::vector<std::shared_ptr<const ShortestPathTree>> computed(missing.size());
  for_each_chunk(parallel, missing.size(), 1, [&](std::size_t i, std::size_t, std::size_t) {
    computed[i] = std::make_shared<const ShortestPathTree>(shortest_path_tree(network_, missing[i], weight_));
  });
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < missing.size(); ++i) remember(missing[i], std::move(computed[i]));
}

double PathCache::cost(NodeId from, NodeId to) { return tree(from)->cost[to]; }

std::optional<Path> PathCache::path(NodeId from, NodeId to) { return path_in_tree(network_, *tree(from), from, to); }

std::size_t PathCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t PathCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace munisim
