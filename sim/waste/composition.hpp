// Material composition of waste by district: each district's own where the city gives it, else the
// scenario's, and amounts by district turned into amounts by fraction.
#pragma once

#include <vector>

#include "sim/city/city.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim::waste {

inline constexpr double kKgPerTonne = 1000;

using Compositions = std::vector<std::vector<double>>;  // per district: shares by fraction

[[nodiscard]] Compositions district_compositions(const City& city, const WasteGenerationConfig& generation);
// Per district: the share of paper, plastic, glass and metal, what recyclers and separating
// households look for.
[[nodiscard]] std::vector<double> recyclable_shares(const Compositions& compositions);
// Amounts by fraction of amounts given per district, each split by its district's composition.
[[nodiscard]] std::vector<double> mixed_composition(const Compositions& compositions,
                                                    const std::vector<double>& per_district);

}  // namespace munisim::waste
