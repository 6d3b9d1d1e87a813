#include "sim/provisioning/generated_lines.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>

#include "sim/core/shortest_path.hpp"

namespace munisim {
namespace {

struct Route {
  NodeId from, to;
};

// The settled node farthest from the hub within `half_width` radians of `angle` (the hub itself
// when none lies in that sector).
NodeId farthest_in_sector(const City& city, NodeId hub, double angle, double half_width) {
  const RoadNetwork& network = city.network;
  NodeId best = hub;
  double best_distance = 0;
  for (NodeId node = 0; node < network.node_count(); ++node) {
    if (city.node_district[node] == kNoDistrict) continue;
    const double dx = network.node_x(node) - network.node_x(hub), dy = network.node_y(node) - network.node_y(hub);
    const double off = std::remainder(std::atan2(dy, dx) - angle, 2 * std::numbers::pi);
    const double distance = std::hypot(dx, dy);
    if (std::abs(off) <= half_width && distance > best_distance) {
      best_distance = distance;
      best = node;
    }
  }
  return best;
}

std::vector<Route> plan_routes(const City& city, std::size_t seat, int routes, NodeId hub) {
  std::vector<Route> planned;
  std::vector<std::size_t> others;
  for (std::size_t d = 0; d < city.districts.size(); ++d) {
    if (d != seat) others.push_back(d);
  }
  std::stable_sort(others.begin(), others.end(), [&](std::size_t a, std::size_t b) {
    return city.districts[a].population > city.districts[b].population;
  });
  for (std::size_t d : others) {
    if (std::ssize(planned) == routes) return planned;
    const NodeId centre = central_node(city, city.districts[d]);
    if (centre != hub) planned.push_back({centre, hub});
  }
  const int across = routes - static_cast<int>(planned.size());
  for (int k = 0; k < across; ++k) {
    const double angle = std::numbers::pi * (k + 0.5) / across, half_width = std::numbers::pi / (2 * across);
    const NodeId a = farthest_in_sector(city, hub, angle, half_width);
    const NodeId b = farthest_in_sector(city, hub, angle + std::numbers::pi, half_width);
    const bool repeated = std::any_of(planned.begin(), planned.end(), [&](const Route& r) {
      return (r.from == a && r.to == b) || (r.from == b && r.to == a);
    });
    if (a != b && !repeated) planned.push_back({a, b});
  }
  return planned;
}

// The nodes from `from` through `via` to `to` along shortest paths by length; nullopt if cut off.
std::optional<std::vector<NodeId>> node_path(const RoadNetwork& network, NodeId from, NodeId via, NodeId to) {
  std::vector<NodeId> nodes{from};
  for (const auto& [start, end] : {std::pair{from, via}, std::pair{via, to}}) {
    if (start == end) continue;
    const std::optional<Path> path = astar_path(network, start, end, PathWeight::length_m);
    if (!path) return std::nullopt;
    for (EdgeId edge : path->edges) nodes.push_back(network.edge_to(edge));
  }
  return nodes;
}

class LineBuilder {
 public:
  LineBuilder(City& city, const TransitConfig& transit) : city_(city), transit_(transit) {}

  void add(const std::vector<NodeId>& nodes, const std::string& name, const std::string& long_name) {
    TransitLine line{.route_id = name, .trip_id = name, .short_name = name, .long_name = long_name,
                     .agency = "generated (docs/provisioning.md)"};
    double since_stop = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const PointXY point{city_.network.node_x(nodes[i]), city_.network.node_y(nodes[i])};
      if (i > 0) {
        const double hop = distance_m(line.path.back(), point);
        line.length_m += hop;
        since_stop += hop;
      }
      line.path.push_back(point);
      if (i == 0 || i + 1 == nodes.size() || since_stop >= kGeneratedStopSpacingM) {
        line.stops.push_back(stop_at(nodes[i]));
        since_stop = 0;
      }
    }
    if (transit_.headway_min.empty()) {
      line.headway_min = default_headways(transit_.default_headway_min);
    } else {
      std::copy(transit_.headway_min.begin(), transit_.headway_min.end(), line.headway_min.begin());
    }
    line.run_time_min = run_times_min(line.length_m, transit_.commercial_speed_kmh);
    line.fare_soles = transit_.default_fare_soles;
    city_.transit.lines.push_back(std::move(line));
  }

 private:
  std::uint32_t stop_at(NodeId node) {
    const auto [entry, added] = stops_.try_emplace(node, static_cast<std::uint32_t>(city_.transit.stops.size()));
    if (added) {
      city_.transit.stops.push_back({.id = "g" + std::to_string(node),
                                     .name = "stop at node " + std::to_string(node),
                                     .position = {city_.network.node_x(node), city_.network.node_y(node)},
                                     .node = node});
    }
    return entry->second;
  }

  City& city_;
  const TransitConfig& transit_;
  std::map<NodeId, std::uint32_t> stops_;
};

std::string district_of(const City& city, NodeId node) {
  const std::uint32_t d = city.node_district[node];
  return d == kNoDistrict ? "outside" : city.districts[d].name;
}

}  // namespace

ProvisionRecord add_generated_lines(City& city, std::size_t seat, int routes, const TransitConfig& transit) {
  ProvisionRecord record{"bus_line_layout", "city", "routes=" + std::to_string(routes), "", "[EST] stops every 400 m",
                         "applied"};
  if (!city.transit.lines.empty()) {
    record.result = "none: the city has its own lines";
    record.status = "kept the city's transit lines";
    return record;
  }
  const NodeId hub = central_node(city, city.districts[seat]);
  LineBuilder builder(city, transit);
  int laid = 0;
  for (const Route& route : plan_routes(city, seat, routes, hub)) {
    const std::optional<std::vector<NodeId>> nodes = node_path(city.network, route.from, hub, route.to);
    if (!nodes || nodes->size() < 2) continue;
    ++laid;
    const std::string name = "G" + std::to_string(laid);
    const std::string ends = district_of(city, route.from) + " - " + district_of(city, route.to);
    builder.add(*nodes, name, ends);
    builder.add(std::vector<NodeId>(nodes->rbegin(), nodes->rend()), name + "R",
                district_of(city, route.to) + " - " + district_of(city, route.from));
  }
  if (laid > 0) city.transit.feed = "generated by the bus-line rule (docs/provisioning.md)";
  record.result = std::to_string(laid) + " routes (" + std::to_string(city.transit.lines.size()) + " lines, " +
                  std::to_string(city.transit.stops.size()) + " stops)";
  return record;
}

}  // namespace munisim
