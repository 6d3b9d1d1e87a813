#include "sim/climate/emissions.hpp"

#include <cmath>
#include <string>

#include "sim/core/error.hpp"

namespace munisim {

void ClimateConfig::check(schema::Checks& checks) const {
  if (doc_by_fraction.size() != 6) {
    checks.fail("doc_by_fraction", "has " + std::to_string(doc_by_fraction.size()) +
                                       " values; expected 6 (organic, paper_cardboard, plastic, glass, metal, other)");
  }
}

Fuel fuel_from_name(std::string_view name) {
  if (name == "cng") return Fuel::cng;
  if (name == "electric") return Fuel::electric;
  return Fuel::diesel;
}

double fuel_tco2e(const ClimateConfig& climate, Fuel fuel, double amount) {
  switch (fuel) {
    case Fuel::diesel:
      return amount * climate.diesel_kgco2_per_l / 1000;
    case Fuel::cng:
      return amount * climate.cng_kgco2_per_kg / 1000;
    case Fuel::electric:
      return amount * climate.grid_kgco2e_per_kwh / 1000;
  }
  return 0;
}

double committed_methane_tco2e(const ClimateConfig& climate, double tonnes, std::span<const double> composition,
                               const DisposalSite& site) {
  double doc = 0;
  for (std::size_t i = 0; i < composition.size() && i < climate.doc_by_fraction.size(); ++i) {
    doc += composition[i] * climate.doc_by_fraction[i];
  }
  constexpr double kMethanePerCarbon = 16.0 / 12.0;
  const double methane_t = tonnes * doc * climate.doc_fraction_decomposing * site.mcf * climate.methane_share_of_gas *
                           kMethanePerCarbon * (1 - site.gas_capture) * (1 - site.oxidation);
  return methane_t * climate.gwp_ch4;
}

}  // namespace munisim
