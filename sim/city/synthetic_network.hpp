// The synthetic street grid: one square grid with arterials, shared among districts by area.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/city/city_config.hpp"
#include "sim/core/graph.hpp"

namespace munisim {

struct SyntheticNetwork {
  RoadNetwork network;
  std::vector<std::uint32_t> node_district;
  double spacing_m = 0;
};

// Districts receive contiguous runs of nodes along a Hilbert curve, in scenario order, sized by
// their area, so each district is a compact patch and every district has at least one node.
[[nodiscard]] SyntheticNetwork build_synthetic_network(const StreetNetworkConfig& config,
                                                       const std::vector<double>& district_areas_km2);

}  // namespace munisim
