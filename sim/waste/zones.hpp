// Collection zones (one per district for now) with their entry node, street length and schedule.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/city/city.hpp"

namespace munisim {

// Zone i is district i.
struct CollectionZone {
  NodeId node = 0;                           // the district node nearest its centroid
  double street_km = 0;                      // length of the streets inside the zone, each two-way street once
  std::array<bool, 7> collection_weekday{};  // Monday..Sunday
};

// Spreads `days_per_week` collection days evenly over Monday..Sunday (6: all but Sunday; 3: Mon, Wed, Fri).
[[nodiscard]] std::array<bool, 7> collection_weekdays(int days_per_week);

[[nodiscard]] std::vector<CollectionZone> zones_from_districts(const City& city, int days_per_week);

}  // namespace munisim
