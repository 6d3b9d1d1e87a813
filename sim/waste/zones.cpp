#include "sim/waste/zones.hpp"

#include <cmath>
#include <limits>

namespace munisim {

std::array<bool, 7> collection_weekdays(int days_per_week) {
  std::array<bool, 7> days{};
  // Counting back from Sunday, day w is a collection day when floor((7 - w) * n / 7) steps up,
  // which starts the week on Monday and leaves Sunday last to be served.
  for (int w = 0; w < 7; ++w) {
    days[static_cast<std::size_t>(w)] = (7 - w) * days_per_week / 7 != (6 - w) * days_per_week / 7;
  }
  return days;
}

std::vector<CollectionZone> zones_from_districts(const City& city, int days_per_week) {
  std::vector<CollectionZone> zones(city.districts.size());
  const std::array<bool, 7> weekdays = collection_weekdays(days_per_week);
  for (std::size_t d = 0; d < city.districts.size(); ++d) {
    const District& district = city.districts[d];
    CollectionZone& zone = zones[d];
    zone.collection_weekday = weekdays;
    zone.node = central_node(city, district);
  }
  const RoadNetwork& network = city.network;
  for (std::size_t e = 0; e < network.edge_count(); ++e) {
    const auto edge = static_cast<EdgeId>(e);
    const std::uint32_t from = city.node_district[network.edge_from(edge)];
    if (from != kNoDistrict && from == city.node_district[network.edge_to(edge)]) {
      zones[from].street_km += network.edge_length_m(edge) / 2000.0;  // both directions counted once
    }
  }
  return zones;
}

}  // namespace munisim
