#include "sim/core/graph.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

#include "sim/core/error.hpp"

namespace munisim {

NodeId RoadNetworkBuilder::add_node(double x_m, double y_m) {
  x_m_.push_back(x_m);
  y_m_.push_back(y_m);
  return static_cast<NodeId>(x_m_.size() - 1);
}

void RoadNetworkBuilder::add_edge(NodeId from, NodeId to, double length_m, double free_speed_kmh, int lanes) {
  if (from >= x_m_.size() || to >= x_m_.size()) {
    throw Error("edge " + std::to_string(from) + "->" + std::to_string(to) + " names a missing node");
  }
  if (!(length_m >= 0) || !(free_speed_kmh > 0) || lanes < 1) {
    throw Error("edge " + std::to_string(from) + "->" + std::to_string(to) +
                " needs length >= 0, speed > 0 and at least one lane");
  }
  edges_.push_back({from, to, length_m, free_speed_kmh, lanes});
}

void RoadNetworkBuilder::add_two_way(NodeId a, NodeId b, double length_m, double free_speed_kmh, int lanes) {
  add_edge(a, b, length_m, free_speed_kmh, lanes);
  add_edge(b, a, length_m, free_speed_kmh, lanes);
}

RoadNetwork RoadNetworkBuilder::build() const {
  RoadNetwork network;
  network.x_m_ = x_m_;
  network.y_m_ = y_m_;
  const std::size_t nodes = x_m_.size();
  network.first_edge_.assign(nodes + 1, 0);
  for (const PendingEdge& edge : edges_) ++network.first_edge_[edge.from + 1];
  std::partial_sum(network.first_edge_.begin(), network.first_edge_.end(), network.first_edge_.begin());

  const std::size_t count = edges_.size();
  network.from_.resize(count);
  network.to_.resize(count);
  network.length_m_.resize(count);
  network.speed_kmh_.resize(count);
  network.free_time_min_.resize(count);
  network.lanes_.resize(count);
  std::vector<std::size_t> next(network.first_edge_.begin(), network.first_edge_.end() - 1);
  for (const PendingEdge& edge : edges_) {
    const std::size_t id = next[edge.from]++;
    network.from_[id] = edge.from;
    network.to_[id] = edge.to;
    network.length_m_[id] = edge.length_m;
    network.speed_kmh_[id] = edge.speed_kmh;
    network.free_time_min_[id] = edge.length_m / edge.speed_kmh * 0.06;  // 60 min/h over 1000 m/km
    network.lanes_[id] = static_cast<std::uint8_t>(std::min(edge.lanes, 255));
  }
  network.max_free_speed_kmh_ =
      count == 0 ? 0.0 : *std::max_element(network.speed_kmh_.begin(), network.speed_kmh_.end());
  network.edge_ids_.resize(count);
  std::iota(network.edge_ids_.begin(), network.edge_ids_.end(), EdgeId{0});
  network.node_grid_ = PointGrid(network.x_m_, network.y_m_);
  return network;
}

double RoadNetwork::total_length_m() const { return std::accumulate(length_m_.begin(), length_m_.end(), 0.0); }

// Tarjan's algorithm with an explicit stack: real networks have far too many nodes for recursion.
std::vector<std::uint32_t> RoadNetwork::strongly_connected_components() const {
  constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();
  const std::size_t nodes = node_count();
  std::vector<std::uint32_t> index(nodes, kUnvisited), low(nodes, 0), component(nodes, kUnvisited);
  std::vector<NodeId> stack;
  std::vector<bool> on_stack(nodes, false);
  std::vector<std::pair<NodeId, std::size_t>> call;  // (node, next out-edge offset)
  std::uint32_t next_index = 0;
  std::uint32_t components = 0;

  for (NodeId root = 0; root < nodes; ++root) {
    if (index[root] != kUnvisited) continue;
    call.emplace_back(root, 0);
    while (!call.empty()) {
      auto& [node, offset] = call.back();
      if (offset == 0) {
        index[node] = low[node] = next_index++;
        stack.push_back(node);
        on_stack[node] = true;
      }
      const auto edges = out_edges(node);
      bool descended = false;
      while (offset < edges.size()) {
        const NodeId next = to_[edges[offset++]];
        if (index[next] == kUnvisited) {
          call.emplace_back(next, 0);
          descended = true;
          break;
        }
        if (on_stack[next]) low[node] = std::min(low[node], index[next]);
      }
      if (descended) continue;
      const NodeId finished = node;
      if (low[finished] == index[finished]) {
        NodeId member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = components;
        } while (member != finished);
        ++components;
      }
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[finished]);
    }
  }
  return component;
}

NodeId RoadNetwork::nearest_node(double x_m, double y_m) const {
  if (node_grid_.empty()) throw Error("nearest_node on an empty network");
  return node_grid_.nearest(x_m, y_m);
}

RoadNetwork largest_strongly_connected_part(const RoadNetwork& network, std::vector<NodeId>* kept_nodes) {
  const std::vector<std::uint32_t> component = network.strongly_connected_components();
  std::vector<std::size_t> sizes;
  for (std::uint32_t id : component) {
    if (id >= sizes.size()) sizes.resize(id + 1, 0);
    ++sizes[id];
  }
  const auto largest = static_cast<std::uint32_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  constexpr NodeId kDropped = std::numeric_limits<NodeId>::max();
  std::vector<NodeId> new_id(network.node_count(), kDropped);
  RoadNetworkBuilder builder;
  if (kept_nodes != nullptr) kept_nodes->clear();
  for (NodeId node = 0; node < network.node_count(); ++node) {
    if (component[node] != largest) continue;
    new_id[node] = builder.add_node(network.node_x(node), network.node_y(node));
    if (kept_nodes != nullptr) kept_nodes->push_back(node);
  }
  for (EdgeId edge = 0; edge < network.edge_count(); ++edge) {
    const NodeId from = new_id[network.edge_from(edge)];
    const NodeId to = new_id[network.edge_to(edge)];
    if (from == kDropped || to == kDropped) continue;
    builder.add_edge(from, to, network.edge_length_m(edge), network.edge_free_speed_kmh(edge),
                     network.edge_lanes(edge));
  }
  return builder.build();
}

}  // namespace munisim
