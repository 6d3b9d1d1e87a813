// Turning litres, kilograms, kilowatt-hours and tonnes disposed into tonnes of CO2e.
#pragma once

#include <span>
#include <string_view>

#include "sim/climate/climate_config.hpp"

namespace munisim {

enum class Fuel { diesel, cng, electric, gasoline };

[[nodiscard]] Fuel fuel_from_name(std::string_view name);  // "diesel", "cng", "electric", "gasoline"

// Tank-to-wheel (or grid) emissions of `amount` in the fuel's unit: L diesel, kg CNG, kWh.
[[nodiscard]] double fuel_tco2e(const ClimateConfig& climate, Fuel fuel, double amount);
// Final energy of `amount` of fuel in its unit (L diesel or gasoline, kg CNG, kWh), in kWh.
[[nodiscard]] double fuel_energy_kwh(Fuel fuel, double amount);

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

// Decomposable carbon laid down in one disposal site, released by first-order decay (IPCC 2006 V5
// eq. 3.4-3.5 at a daily step): each day a share 1 − exp(−k/365) of the stock decomposes.
// Waste disposed before the run is not known and starts at zero, so early years read low.
class FirstOrderDecay {
 public:
  // Adds the DDOCm (t) of `tonnes` disposed today at `site`.
  void deposit(const ClimateConfig& climate, double tonnes, std::span<const double> composition,
               const DisposalSite& site);
  // Methane released today, as tCO2e, after capture and oxidation at `site`.
  [[nodiscard]] double release_day(const ClimateConfig& climate, const DisposalSite& site);

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(ddocm_t_);
  }

 private:
  double ddocm_t_ = 0;
};

}  // namespace munisim
