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
  if (name == "gasoline") return Fuel::gasoline;
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
    case Fuel::gasoline:
      return amount * climate.gasoline_kgco2_per_l / 1000;
  }
  return 0;
}

double fuel_energy_kwh(Fuel fuel, double amount) {
  // Net calorific values of IPCC 2006 V2 T1.2 (diesel 43.0, gasoline 44.3, natural gas 48.0 TJ/Gg)
  // at densities 0.84 and 0.74 kg/L, in kWh per L or kg (1 kWh = 3.6 MJ).
  switch (fuel) {
    case Fuel::diesel:
      return amount * 43.0 * 0.84 / 3.6;
    case Fuel::gasoline:
      return amount * 44.3 * 0.74 / 3.6;
    case Fuel::cng:
      return amount * 48.0 / 3.6;
    case Fuel::electric:
      break;
  }
  return amount;
}

namespace {

constexpr double kMethanePerCarbon = 16.0 / 12.0;

double degradable_carbon(const ClimateConfig& climate, std::span<const double> composition) {
  double doc = 0;
  for (std::size_t i = 0; i < composition.size() && i < climate.doc_by_fraction.size(); ++i) {
    doc += composition[i] * climate.doc_by_fraction[i];
  }
  return doc;
}

double escaping_share(const DisposalSite& site) { return (1 - site.gas_capture) * (1 - site.oxidation); }

}  // namespace

void FirstOrderDecay::deposit(const ClimateConfig& climate, double tonnes, std::span<const double> composition,
                              const DisposalSite& site) {
  ddocm_t_ += tonnes * degradable_carbon(climate, composition) * climate.doc_fraction_decomposing * site.mcf;
}

double FirstOrderDecay::release_day(const ClimateConfig& climate, const DisposalSite& site) {
  const double decomposed = ddocm_t_ * -std::expm1(-climate.decay_rate_per_yr / 365.0);
  ddocm_t_ -= decomposed;
  return decomposed * climate.methane_share_of_gas * kMethanePerCarbon * escaping_share(site) * climate.gwp_ch4;
}

double committed_methane_tco2e(const ClimateConfig& climate, double tonnes, std::span<const double> composition,
                               const DisposalSite& site) {
  const double methane_t = tonnes * degradable_carbon(climate, composition) * climate.doc_fraction_decomposing *
                           site.mcf * climate.methane_share_of_gas * kMethanePerCarbon * escaping_share(site);
  return methane_t * climate.gwp_ch4;
}

}  // namespace munisim
