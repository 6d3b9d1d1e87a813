// Daily travel: every citizen plans the day's trips, chooses a mode for each from what the
// network offered the day before (road times, transit crowding and denied boardings), and the
// day's choices load the transit lines and the roads, which set tomorrow's conditions.
// Balances checked by tests: trips by mode, gender and purpose add up to the trips planned;
// people travelling and staying at home add up to the population.
#pragma once

#include <cstdint>

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/registration.hpp"
#include "sim/mobility/mobility_config.hpp"

namespace munisim {

// City and configs must outlive the run. `transit` gives the lines' commercial speeds. Publishes
// "mobility.day" and "mobility.road_congestion" (sim/mobility/mobility_channels.hpp).
void register_mobility(Registration& registration, const City& city, const MobilityConfig& mobility,
                       const TransitConfig& transit, const ClimateConfig& climate);

}  // namespace munisim
