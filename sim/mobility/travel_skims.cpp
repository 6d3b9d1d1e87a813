#include "sim/mobility/travel_skims.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/point_grid.hpp"
#include "sim/core/shortest_path.hpp"

namespace munisim {
namespace {

constexpr double kPairDistancePerRms = 1.28;  // mean distance of two random points in a disc / RMS radius
constexpr double kDetour = 1.3;               // network over straight-line distance [EST]

double intra_district_km(const City& city, const District& district) {
  double sum = 0;
  for (NodeId node : district.nodes) {
    const double dx = city.network.node_x(node) - district.centroid_x_m;
    const double dy = city.network.node_y(node) - district.centroid_y_m;
    sum += dx * dx + dy * dy;
  }
  const double rms_m = std::sqrt(sum / static_cast<double>(district.nodes.size()));
  return std::max(0.3, kPairDistancePerRms * rms_m * kDetour / 1000.0);  // at least a few blocks
}

// Free speed of the district's own streets, weighted by length.
double district_speed_kmh(const City& city, std::uint32_t district) {
  double length = 0, time = 0;
  for (EdgeId edge = 0; edge < city.network.edge_count(); ++edge) {
    if (city.node_district[city.network.edge_from(edge)] != district) continue;
    length += city.network.edge_length_m(edge);
    time += city.network.edge_free_time_min(edge);
  }
  return time > 0 ? length / 1000.0 / (time / 60.0) : 25.0;
}

}  // namespace

TravelSkims::TravelSkims(const City& city, Parallelism& parallel) {
  const std::size_t count = city.districts.size();
  for (const District& district : city.districts) centre_.push_back(central_node(city, district));
  distance_km_.assign(count * count, 0.0);
  free_time_min_.assign(count * count, 0.0);
  path_.assign(count * count, {});
  // One shortest-path tree per origin, each on a thread of its own; an unreachable centre is
  // reported after the loop, the first in origin order, so the message is the same at any thread count.
  std::vector<std::size_t> unreachable(count, count);
  for_each_chunk(parallel, count, 1, [&](std::size_t o, std::size_t, std::size_t) {
    const ShortestPathTree tree = shortest_path_tree(city.network, centre_[o], PathWeight::free_time_min);
    for (std::size_t d = 0; d < count; ++d) {
      const std::size_t od = pair(o, d);
      if (o == d) {
        distance_km_[od] = intra_district_km(city, city.districts[o]);
        free_time_min_[od] = distance_km_[od] / district_speed_kmh(city, static_cast<std::uint32_t>(o)) * 60.0;
        continue;
      }
      std::optional<Path> path = path_in_tree(city.network, tree, centre_[o], centre_[d]);
      if (!path) {
        unreachable[o] = d;
        return;
      }
      path_[od] = std::move(path->edges);
      for (EdgeId edge : path_[od]) distance_km_[od] += city.network.edge_length_m(edge) / 1000.0;
      free_time_min_[od] = path->cost;
    }
  });
  for (std::size_t o = 0; o < count; ++o) {
    // Every node of a city network reaches every other (its largest strongly connected part).
    if (unreachable[o] < count) {
      throw Error("district centres " + std::to_string(o) + " and " + std::to_string(unreachable[o]) +
                  " are not connected");
    }
  }
}

std::vector<double> TravelSkims::access_km(const City& city, const std::vector<NodeId>& stops,
                                           Parallelism& parallel) const {
  std::vector<double> x, y;
  for (NodeId stop : stops) {
    x.push_back(city.network.node_x(stop));
    y.push_back(city.network.node_y(stop));
  }
  std::vector<double> access(city.districts.size(), 0.0);
  if (stops.empty()) return access;
  const PointGrid grid(x, y);
  for_each_chunk(parallel, city.districts.size(), 1, [&](std::size_t d, std::size_t, std::size_t) {
    double sum = 0;
    for (NodeId node : city.districts[d].nodes) {
      const std::uint32_t nearest = grid.nearest(city.network.node_x(node), city.network.node_y(node));
      sum += std::hypot(x[nearest] - city.network.node_x(node), y[nearest] - city.network.node_y(node));
    }
    access[d] = sum * kDetour / 1000.0 / static_cast<double>(city.districts[d].nodes.size());
  });
  return access;
}

}  // namespace munisim
