// The FONCOMUN-like index of each municipality (its share of a fund; the shares sum to 1) and the
// split of an amount by shares with a floor per municipality. Performance incentives size each
// municipality's maximum by the same index (R.M. 104-2019-EF/50). Equations: docs/nation.md.
#pragma once

#include <span>
#include <vector>

#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"

namespace munisim::nation {

// Two-stage (provinces by population weighted by poverty, then within a province the provincial
// municipality's share off the top and the rest by urban + rural_weight x rural population) or
// one-stage (the product of both weights). Equal shares when every weight is zero.
[[nodiscard]] std::vector<double> formula_index(const FormulaTransfersConfig& config,
                                                std::span<const MunicipalityProfile> municipalities);

// `amount` split by `shares`, no one below `floor`: floored municipalities get the floor and the rest
// is split by shares among the others, repeated until no one else falls below it. The result sums to
// `amount`; when amount cannot pay every floor, equal parts.
[[nodiscard]] std::vector<double> split_with_floor(double amount, std::span<const double> shares, double floor);

// Split of `amount` by population x (1 + poverty share) over the municipalities `members` (indices).
[[nodiscard]] std::vector<double> split_by_needs(double amount, std::span<const MunicipalityProfile> municipalities,
                                                 std::span<const std::size_t> members);

[[nodiscard]] double total_population(std::span<const MunicipalityProfile> municipalities);

}  // namespace munisim::nation
