#include "sim/waste/composition.hpp"

namespace munisim::waste {

Compositions district_compositions(const City& city, const WasteGenerationConfig& generation) {
  Compositions compositions;
  for (const District& district : city.districts) {
    compositions.push_back(district.waste_composition.empty() ? generation.composition : district.waste_composition);
  }
  return compositions;
}

std::vector<double> recyclable_shares(const Compositions& compositions) {
  std::vector<double> shares;
  for (const std::vector<double>& share : compositions) shares.push_back(share[1] + share[2] + share[3] + share[4]);
  return shares;
}

std::vector<double> mixed_composition(const Compositions& compositions, const std::vector<double>& per_district) {
  std::vector<double> by_fraction(kWasteFractions, 0.0);
  for (std::size_t d = 0; d < per_district.size(); ++d) {
    for (std::size_t f = 0; f < by_fraction.size(); ++f) by_fraction[f] += per_district[d] * compositions[d][f];
  }
  return by_fraction;
}

}  // namespace munisim::waste
