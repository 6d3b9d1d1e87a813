// A directed road network in compact (CSR) adjacency: nodes in local metric coordinates, edges with
// length, free speed and lanes. Built once through RoadNetworkBuilder, then read-only.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/core/point_grid.hpp"

namespace munisim {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;

class RoadNetwork {
 public:
  [[nodiscard]] std::size_t node_count() const noexcept { return x_m_.size(); }
  [[nodiscard]] std::size_t edge_count() const noexcept { return to_.size(); }

  [[nodiscard]] double node_x(NodeId node) const { return x_m_[node]; }
  [[nodiscard]] double node_y(NodeId node) const { return y_m_[node]; }

  // Edge ids leaving `node`: edges are stored grouped by origin, so these are consecutive.
  [[nodiscard]] std::span<const EdgeId> out_edges(NodeId node) const {
    return std::span<const EdgeId>(edge_ids_).subspan(first_edge_[node], first_edge_[node + 1] - first_edge_[node]);
  }
  [[nodiscard]] NodeId edge_from(EdgeId edge) const { return from_[edge]; }
  [[nodiscard]] NodeId edge_to(EdgeId edge) const { return to_[edge]; }
  [[nodiscard]] double edge_length_m(EdgeId edge) const { return length_m_[edge]; }
  [[nodiscard]] double edge_free_speed_kmh(EdgeId edge) const { return speed_kmh_[edge]; }
  [[nodiscard]] int edge_lanes(EdgeId edge) const { return lanes_[edge]; }
  [[nodiscard]] double edge_free_time_min(EdgeId edge) const { return free_time_min_[edge]; }
  // Whole columns, indexed by edge id, for searches and writers.
  [[nodiscard]] std::span<const double> edge_lengths_m() const noexcept { return length_m_; }
  [[nodiscard]] std::span<const double> edge_free_times_min() const noexcept { return free_time_min_; }

  [[nodiscard]] double total_length_m() const;
  [[nodiscard]] double max_free_speed_kmh() const noexcept { return max_free_speed_kmh_; }
  // Component id of every node; two nodes share an id when each can reach the other.
  [[nodiscard]] std::vector<std::uint32_t> strongly_connected_components() const;
  // The node closest to (x, y) in straight-line distance (lowest id on ties), from a grid index.
  [[nodiscard]] NodeId nearest_node(double x_m, double y_m) const;

 private:
  friend class RoadNetworkBuilder;
  std::vector<double> x_m_, y_m_;
  std::vector<std::size_t> first_edge_;  // node_count + 1 offsets into edge_ids_
  std::vector<EdgeId> edge_ids_;         // 0..edge_count-1, grouped by origin
  std::vector<NodeId> from_, to_;
  std::vector<double> length_m_, speed_kmh_, free_time_min_;
  std::vector<std::uint8_t> lanes_;
  double max_free_speed_kmh_ = 0;  // kept: every time-weighted search bounds its heuristic by it
  PointGrid node_grid_;
};

class RoadNetworkBuilder {
 public:
  NodeId add_node(double x_m, double y_m);
  void add_edge(NodeId from, NodeId to, double length_m, double free_speed_kmh, int lanes);
  void add_two_way(NodeId a, NodeId b, double length_m, double free_speed_kmh, int lanes);
  // Edge ids are assigned grouped by origin node, in the order edges were added for that node.
  [[nodiscard]] RoadNetwork build() const;

 private:
  struct PendingEdge {
    NodeId from, to;
    double length_m, speed_kmh;
    int lanes;
  };
  std::vector<double> x_m_, y_m_;
  std::vector<PendingEdge> edges_;
};

// The part of `network` in its largest strongly connected component (the lowest component id on
// ties), so that every kept node can reach every other; nodes and edges keep their relative order.
// `kept_nodes`, when given, receives the original id of every kept node.
[[nodiscard]] RoadNetwork largest_strongly_connected_part(const RoadNetwork& network,
                                                          std::vector<NodeId>* kept_nodes = nullptr);

}  // namespace munisim
