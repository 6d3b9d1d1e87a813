#include "sim/core/alias_table.hpp"

#include <cmath>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {

void build_alias(std::span<const double> weights, std::span<AliasColumn> columns) {
  const std::size_t count = weights.size();
  if (columns.size() != count || count == 0) throw Error("alias table: one column per weight is needed");
  double total = 0;
  for (double weight : weights) total += weight;
  if (!(total > 0) || !std::isfinite(total)) throw Error("alias table: weights must have a positive, finite sum");
  // Each column holds `count` times its probability; small ones are topped up from large ones.
  std::vector<double> scaled(count);
  std::vector<std::uint32_t> small, large;
  std::uint32_t positive = 0;  // some category with a positive weight, for columns rounding leaves over
  for (std::size_t i = 0; i < count; ++i) {
    scaled[i] = weights[i] / total * static_cast<double>(count);
    (scaled[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
    if (weights[i] > 0) positive = static_cast<std::uint32_t>(i);
  }
  constexpr double kWordRange = 4294967296.0;  // 2^32
  while (!small.empty() && !large.empty()) {
    const std::uint32_t low = small.back();
    small.pop_back();
    const std::uint32_t high = large.back();
    columns[low] = {static_cast<std::uint32_t>(scaled[low] * kWordRange), high};
    scaled[high] -= 1 - scaled[low];
    if (scaled[high] < 1) {
      large.pop_back();
      small.push_back(high);
    }
  }
  // What is left is full up to rounding: it always gives its own category (as its alias), unless
  // its weight is zero.
  for (const std::vector<std::uint32_t>* rest : {&small, &large}) {
    for (std::uint32_t i : *rest) columns[i] = weights[i] > 0 ? AliasColumn{0, i} : AliasColumn{0, positive};
  }
}

}  // namespace munisim
