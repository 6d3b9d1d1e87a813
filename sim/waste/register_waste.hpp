// The solid-waste service, registered through one entry point: households generate and set out waste, trucks collect it
// on the road network and haul it to the disposal site, and what is left on the street ages and is partly dumped
// illegally. Its systems, in order: waste.measures, waste.generation, waste.kerb, waste.collection,
// waste.street, waste.accounting. Mass balance (checked by tests):
//   generated = set out + change in household stock
//   set out   = collected + recovered by recyclers + dumped illegally + change in street stock
//   collected = disposed
#pragma once

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/registration.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {

// The systems registered own the service's state for the whole run; city and configs must outlive
// it. Measures appended to `waste.measures` while the run goes on take effect on their dates.
void register_waste(Registration& registration, const City& city, const WasteConfig& waste,
                    const ClimateConfig& climate);

}  // namespace munisim
