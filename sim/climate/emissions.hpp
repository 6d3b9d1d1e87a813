// Turning litres, kilograms, kilowatt-hours and tonnes disposed into tonnes of CO2e.
#pragma once

#include <span>
#include <string_view>

#include "sim/climate/climate_config.hpp"

namespace munisim {

enum class Fuel { diesel, cng, electric };

[[nodiscard]] Fuel fuel_from_name(std::string_view name);  // "diesel", "cng", "electric"

// Tank-to-wheel (or grid) emissions of `amount` in the fuel's unit: L diesel, kg CNG, kWh.
[[nodiscard]] double fuel_tco2e(const ClimateConfig& climate, Fuel fuel, double amount);

// Where waste is disposed, as far as its methane is concerned.
struct DisposalSite {
  double mcf = 0.8;        // methane correction factor
  double oxidation = 0;    // OX
  double gas_capture = 0;  // share of the methane generated that is captured (and flared)
};

// Methane that `tonnes` of waste with the given composition (shares by fraction) will release over
// their whole decay, as CO2e (IPCC 2006 V5 eq. 3.1-3.2 without time profile):
//   CH4 = W · DOC · DOCf · MCF · F · 16/12 · (1 − capture) · (1 − OX),  DOC = Σ share_i · DOC_i
[[nodiscard]] double committed_methane_tco2e(const ClimateConfig& climate, double tonnes,
                                             std::span<const double> composition, const DisposalSite& site);

}  // namespace munisim
