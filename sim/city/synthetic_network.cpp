#include "sim/city/synthetic_network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Position of cell (x, y) along the Hilbert curve that fills a side x side grid (side a power of 2).
std::uint64_t hilbert_index(std::uint32_t side, std::uint32_t x, std::uint32_t y) {
  std::uint64_t index = 0;
  for (std::uint32_t half = side / 2; half > 0; half /= 2) {
    const std::uint32_t rx = (x & half) != 0 ? 1 : 0;
    const std::uint32_t ry = (y & half) != 0 ? 1 : 0;
    index += std::uint64_t{half} * half * ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) {
        x = side - 1 - x;
        y = side - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return index;
}

// Largest-remainder apportionment of `total` nodes by area, at least one node per district.
std::vector<std::size_t> apportion(const std::vector<double>& areas, std::size_t total) {
  const double area_sum = std::accumulate(areas.begin(), areas.end(), 0.0);
  std::vector<std::size_t> counts(areas.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t assigned = 0;
  for (std::size_t d = 0; d < areas.size(); ++d) {
    const double exact = areas[d] / area_sum * static_cast<double>(total);
    counts[d] = std::max<std::size_t>(1, static_cast<std::size_t>(exact));
    remainders.emplace_back(exact - std::floor(exact), d);
    assigned += counts[d];
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < total; k = (k + 1) % remainders.size(), ++assigned) {
    ++counts[remainders[k].second];
  }
  while (assigned > total) {  // the one-node minimum overdrew: take from the largest share
    auto largest = std::max_element(counts.begin(), counts.end());
    --*largest;
    --assigned;
  }
  return counts;
}

}  // namespace

SyntheticNetwork build_synthetic_network(const StreetNetworkConfig& config,
                                         const std::vector<double>& district_areas_km2) {
  const double total_area_m2 = std::accumulate(district_areas_km2.begin(), district_areas_km2.end(), 0.0) * 1e6;
  const double city_side_m = std::sqrt(total_area_m2);
  auto side = static_cast<std::uint32_t>(std::max(2.0, std::ceil(city_side_m / config.block_m)));
  const auto max_side = static_cast<std::uint32_t>(std::sqrt(static_cast<double>(config.max_nodes)));
  side = std::min(side, max_side);
  const std::size_t node_count = std::size_t{side} * side;
  if (node_count < district_areas_km2.size()) {
    throw InputError({}, "city.network.max_nodes",
                     std::to_string(config.max_nodes) + " nodes cannot hold " +
                         std::to_string(district_areas_km2.size()) + " districts; expected at least one node each");
  }

  SyntheticNetwork result;
  result.spacing_m = city_side_m / side;
  RoadNetworkBuilder builder;
  for (std::uint32_t row = 0; row < side; ++row) {
    for (std::uint32_t col = 0; col < side; ++col) {
      builder.add_node(col * result.spacing_m, row * result.spacing_m);
    }
  }
  auto node_at = [side](std::uint32_t col, std::uint32_t row) { return static_cast<NodeId>(row * side + col); };
  auto add_street = [&](NodeId from, NodeId to, bool arterial) {
    builder.add_two_way(from, to, result.spacing_m, arterial ? config.arterial_speed_kmh : config.street_speed_kmh,
                        arterial ? config.arterial_lanes : config.street_lanes);
  };
  const auto every = static_cast<std::uint32_t>(config.arterial_every);
  for (std::uint32_t row = 0; row < side; ++row) {
    for (std::uint32_t col = 0; col < side; ++col) {
      if (col + 1 < side) add_street(node_at(col, row), node_at(col + 1, row), row % every == 0);
      if (row + 1 < side) add_street(node_at(col, row), node_at(col, row + 1), col % every == 0);
    }
  }
  result.network = builder.build();

  std::uint32_t curve_side = 1;
  while (curve_side < side) curve_side *= 2;
  std::vector<std::pair<std::uint64_t, NodeId>> curve_order;
  curve_order.reserve(node_count);
  for (std::uint32_t row = 0; row < side; ++row) {
    for (std::uint32_t col = 0; col < side; ++col) {
      curve_order.emplace_back(hilbert_index(curve_side, col, row), node_at(col, row));
    }
  }
  std::sort(curve_order.begin(), curve_order.end());

  result.node_district.resize(node_count);
  const std::vector<std::size_t> counts = apportion(district_areas_km2, node_count);
  std::size_t position = 0;
  for (std::size_t d = 0; d < counts.size(); ++d) {
    for (std::size_t k = 0; k < counts[d]; ++k, ++position) {
      result.node_district[curve_order[position].second] = static_cast<std::uint32_t>(d);
    }
  }
  return result;
}

}  // namespace munisim
