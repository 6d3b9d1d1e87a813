// The solid-waste service: households generate and set out waste, trucks collect it on the road
// network and haul it to the disposal site, and what is left on the street ages and is partly dumped
// illegally. Registers its series and its daily systems. Mass balance (checked by tests):
//   generated = set out + change in household stock
//   set out   = collected + recovered by recyclers + dumped illegally + change in street stock
//   collected = disposed
#pragma once

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {

// The systems registered own the service's state for the whole run; city and configs must outlive it.
// `seed` addresses the draws made when the service is set up (recyclers' attributes).
void register_waste_service(Scheduler& scheduler, MetricsRegistry& metrics, const City& city, const WasteConfig& waste,
                            const ClimateConfig& climate, std::uint64_t seed);

}  // namespace munisim
