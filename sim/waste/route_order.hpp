// Orders the stops of a closed tour (depot -> stops -> depot) to shorten it: nearest neighbour,
// then 2-opt until no exchange of two edges helps.
#pragma once

#include <cstddef>
#include <vector>

namespace munisim {

// cost[i][j] between points; point 0 is the depot, points 1..n the stops (may be asymmetric).
using CostMatrix = std::vector<std::vector<double>>;

// The visiting order of stops 1..n.
[[nodiscard]] std::vector<std::size_t> optimise_tour(const CostMatrix& cost);
[[nodiscard]] double tour_cost(const CostMatrix& cost, const std::vector<std::size_t>& order);

}  // namespace munisim
