// Bus lines laid out on a city's own street network for the routes the bus-line rule asks for
// (docs/provisioning.md): first one route from each other district's centre to the seat's centre,
// most populous first; then routes across the settled city through the seat's centre, one per
// sector of evenly spaced directions, between the settled nodes farthest from the centre in the
// sector and in the opposite one. Each route runs both ways, with stops about every 400 m.
#pragma once

#include <cstddef>

#include "sim/city/city.hpp"
#include "sim/provisioning/provision_record.hpp"

namespace munisim {

inline constexpr double kGeneratedStopSpacingM = 400;  // [EST] urban bus stops 300-500 m apart

// Adds up to `routes` routes to city.transit unless it already has lines; returns what it did.
[[nodiscard]] ProvisionRecord add_generated_lines(City& city, std::size_t seat, int routes, const TransitConfig& transit);

}  // namespace munisim
