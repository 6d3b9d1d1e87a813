// Emission factors shared by every service: fuels, grid electricity, and the IPCC first-order
// parameters for methane from disposal sites. Defaults and sources from FACTS.md §3.
#pragma once

#include <vector>

#include "sim/core/schema.hpp"

namespace munisim {

struct ClimateConfig {
  double diesel_kgco2_per_l = 2.68;
  double cng_kgco2_per_kg = 2.69;
  double gasoline_kgco2_per_l = 2.27;
  double grid_kgco2e_per_kwh = 0.2665;
  double gwp_ch4 = 27.0;
  std::vector<double> doc_by_fraction = {0.15, 0.40, 0, 0, 0, 0};
  double doc_fraction_decomposing = 0.5;
  double methane_share_of_gas = 0.5;
  double mcf_open_dump = 0.8;
  double mcf_sanitary_landfill = 1.0;
  double oxidation_sanitary_landfill = 0.1;
  double decay_rate_per_yr = 0.065;
  double avoided_tco2e_per_t_recycled = 1.0;
  double compost_kgco2e_per_t = 173.5;

  template <class V>
  void visit(V& v) {
    v.field("diesel_kgco2_per_l", diesel_kgco2_per_l,
            {.unit = "kg CO2/L",
             .meaning = "tank-to-wheel CO2 of diesel",
             .min = 0,
             .source = "IPCC 2006 V2 T3.2.1, density 0.84 kg/L [DER]"});
    v.field("cng_kgco2_per_kg", cng_kgco2_per_kg,
            {.unit = "kg CO2/kg",
             .meaning = "CO2 of compressed natural gas",
             .min = 0,
             .source = "IPCC 2006 V2, NCV 48.0 TJ/Gg [DER]"});
    v.field("gasoline_kgco2_per_l", gasoline_kgco2_per_l,
            {.unit = "kg CO2/L",
             .meaning = "tank-to-wheel CO2 of motor gasoline",
             .min = 0,
             .source = "IPCC 2006 V2 T3.2.1 69,300 kg/TJ, NCV 44.3 TJ/Gg, density 0.74 kg/L [DER]"});
    v.field("grid_kgco2e_per_kwh", grid_kgco2e_per_kwh,
            {.unit = "kg CO2e/kWh",
             .meaning = "Peru grid electricity",
             .min = 0,
             .source = "Our World in Data/Ember 2023 via codecarbon"});
    v.field("gwp_ch4", gwp_ch4,
            {.unit = "t CO2e/t CH4",
             .meaning = "100-year global warming potential of methane",
             .min = 0,
             .source = "IPCC AR6 non-fossil [UNV]"});
    v.field("doc_by_fraction", doc_by_fraction,
            {.unit = "t C/t",
             .meaning = "degradable organic carbon of organic, paper_cardboard, plastic, glass, "
                        "metal, other (wet weight)",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 V5 T2.4 (organic as food waste)"});
    v.field("doc_fraction_decomposing", doc_fraction_decomposing,
            {.unit = "1",
             .meaning = "DOCf, share of DOC that decomposes",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 default"});
    v.field("methane_share_of_gas", methane_share_of_gas,
            {.unit = "1",
             .meaning = "F, methane share of landfill gas",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 default"});
    v.field("mcf_open_dump", mcf_open_dump,
            {.unit = "1",
             .meaning = "methane correction factor, unmanaged deep dump",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 V5 T3.1"});
    v.field("mcf_sanitary_landfill", mcf_sanitary_landfill,
            {.unit = "1",
             .meaning = "methane correction factor, managed anaerobic landfill",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 V5 T3.1"});
    v.field("oxidation_sanitary_landfill", oxidation_sanitary_landfill,
            {.unit = "1",
             .meaning = "OX, methane oxidised in the cover of a managed landfill (0 at dumps)",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 default"});
    v.field("decay_rate_per_yr", decay_rate_per_yr,
            {.unit = "1/yr",
             .meaning = "k, first-order decay rate of bulk waste at disposal sites",
             .min = 0,
             .max = 1,
             .source = "IPCC 2006 V5 T3.3, tropical dry (Trujillo); 0.05 boreal/temperate dry (Arequipa)"});
    v.field("avoided_tco2e_per_t_recycled", avoided_tco2e_per_t_recycled,
            {.unit = "tCO2e/t",
             .meaning = "production emissions avoided per tonne of mixed recyclables recycled",
             .min = 0,
             .max = 20,
             .source = "[EST] no Peruvian factor found ([NF]); calibrate by material"});
    v.field("compost_kgco2e_per_t", compost_kgco2e_per_t,
            {.unit = "kg CO2e/t",
             .meaning = "methane and nitrous oxide from composting a tonne of wet organics",
             .min = 0,
             .max = 2000,
             .source = "IPCC 2006 V5 T4.1: 4 g CH4 + 0.24 g N2O per kg, AR6 GWPs [DER]"});
  }
  void check(schema::Checks& checks) const;
};

}  // namespace munisim
