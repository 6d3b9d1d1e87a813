#include "sim/waste/route_order.hpp"

#include <algorithm>
#include <limits>

namespace munisim {

double tour_cost(const CostMatrix& cost, const std::vector<std::size_t>& order) {
  double total = 0;
  std::size_t at = 0;
  for (std::size_t stop : order) {
    total += cost[at][stop];
    at = stop;
  }
  return total + cost[at][0];
}

std::vector<std::size_t> optimise_tour(const CostMatrix& cost) {
  const std::size_t stops = cost.size() - 1;
  std::vector<std::size_t> order;
  std::vector<bool> visited(cost.size(), false);
  std::size_t at = 0;
  for (std::size_t step = 0; step < stops; ++step) {
    std::size_t next = 0;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t candidate = 1; candidate <= stops; ++candidate) {
      if (!visited[candidate] && cost[at][candidate] < best) {
        best = cost[at][candidate];
        next = candidate;
      }
    }
    visited[next] = true;
    order.push_back(next);
    at = next;
  }
  // 2-opt: reverse a segment whenever the whole tour (asymmetric costs included) gets shorter.
  for (bool improved = true; improved;) {
    improved = false;
    double current = tour_cost(cost, order);
    for (std::size_t i = 0; i + 1 < order.size(); ++i) {
      for (std::size_t j = i + 1; j < order.size(); ++j) {
        std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                     order.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        const double candidate = tour_cost(cost, order);
        if (candidate < current - 1e-12) {
          current = candidate;
          improved = true;
        } else {
          std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                       order.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        }
      }
    }
  }
  return order;
}

}  // namespace munisim
