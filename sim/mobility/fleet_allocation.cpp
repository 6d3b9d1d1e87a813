#include "sim/mobility/fleet_allocation.hpp"

#include <algorithm>

namespace munisim {
namespace {

// Splits `total` over the running lines of one period: lines whose share in proportion to need falls
// below the minimum are held at it and the rest is shared again among the others, until no share
// falls below the minimum (at most one pass per line).
void split_period(const std::vector<double>& need, const std::vector<char>& running, std::size_t periods,
                  std::size_t period, double total, double min_per_line, std::vector<double>& vehicles) {
  const std::size_t lines = need.size() / periods;
  std::vector<char> held(lines, 0);
  std::size_t count = 0;
  for (std::size_t l = 0; l < lines; ++l) count += running[l * periods + period] != 0 ? 1 : 0;
  if (count == 0) return;
  if (total <= min_per_line * static_cast<double>(count)) {
    for (std::size_t l = 0; l < lines; ++l) {
      if (running[l * periods + period] != 0) vehicles[l * periods + period] = min_per_line;
    }
    return;
  }
  for (std::size_t pass = 0; pass <= lines; ++pass) {
    double free_need = 0;
    double free_total = total;
    for (std::size_t l = 0; l < lines; ++l) {
      if (running[l * periods + period] == 0) continue;
      if (held[l] != 0) {
        free_total -= min_per_line;
      } else {
        free_need += need[l * periods + period];
      }
    }
    std::size_t free_lines = 0;
    for (std::size_t l = 0; l < lines; ++l) free_lines += running[l * periods + period] != 0 && held[l] == 0 ? 1 : 0;
    bool changed = false;
    for (std::size_t l = 0; l < lines; ++l) {
      const std::size_t cell = l * periods + period;
      if (running[cell] == 0) continue;
      if (held[l] != 0) {
        vehicles[cell] = min_per_line;
        continue;
      }
      // Without any need the free vehicles go evenly.
      vehicles[cell] = free_need > 0 ? free_total * need[cell] / free_need : free_total / static_cast<double>(free_lines);
      if (vehicles[cell] < min_per_line) {
        held[l] = 1;
        changed = true;
      }
    }
    if (!changed) return;
  }
}

}  // namespace

std::vector<double> allocate_fleet(const std::vector<double>& need, const std::vector<char>& running,
                                   std::size_t periods, double vehicles, double min_per_line) {
  const std::size_t lines = need.size() / periods;
  std::vector<double> period_need(periods, 0.0);
  for (std::size_t l = 0; l < lines; ++l) {
    for (std::size_t p = 0; p < periods; ++p) {
      if (running[l * periods + p] != 0) period_need[p] += need[l * periods + p];
    }
  }
  std::vector<double> allocated(need.size(), 0.0);
  for (std::size_t p = 0; p < periods; ++p) {
    // Without any need recorded (the first day, or nobody rode) the whole fleet runs.
    const double total = period_need[p] > 0 ? std::min(vehicles, period_need[p]) : vehicles;
    split_period(need, running, periods, p, total, min_per_line, allocated);
  }
  return allocated;
}

}  // namespace munisim
