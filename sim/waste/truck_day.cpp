#include "sim/waste/truck_day.hpp"

#include <algorithm>

namespace munisim {
namespace {

constexpr double kTolerance_t = 1e-9;  // below this, a zone is clean and a truck empty

}  // namespace

TruckDay run_truck_day(const TruckShift& shift, NodeId depot, NodeId disposal, std::span<const std::size_t> route,
                       std::vector<ZoneStock>& zones, std::vector<double>& collected_t, const TravelFn& travel,
                       std::vector<TruckDrive>* drives) {
  TruckDay day;
  NodeId position = depot;
  double load_t = 0;
  auto drive_to = [&](NodeId to) {
    const Leg leg = travel(position, to);
    if (drives != nullptr && position != to) drives->push_back({position, to, day.minutes, leg.minutes, load_t});
    day.km += leg.km;
    day.minutes += leg.minutes;
    position = to;
  };
  auto unload = [&] {
    drive_to(disposal);
    day.minutes += shift.unloading_min;
    day.disposed_t += load_t;
    ++day.trips;
    load_t = 0;
  };

  bool shift_over = false;
  for (std::size_t zone_index : route) {
    ZoneStock& zone = zones[zone_index];
    if (zone.stock_t <= kTolerance_t) continue;
    if (day.minutes >= shift.shift_min) break;
    drive_to(zone.node);
    const double minutes_per_t = shift.loading_min_per_t + zone.km_per_t / shift.collection_speed_kmh * 60;
    while (zone.stock_t > kTolerance_t) {
      const double time_left = shift.shift_min - day.minutes;
      if (time_left <= 0) {
        shift_over = true;
        break;
      }
      const double room = shift.capacity_t - load_t;
      const double by_time = minutes_per_t > 0 ? time_left / minutes_per_t : room;
      const double take = std::min({room, zone.stock_t, by_time});
      load_t += take;
      zone.stock_t -= take;
      collected_t[zone_index] += take;
      day.minutes += take * minutes_per_t;
      day.km += take * zone.km_per_t;
      if (load_t >= shift.capacity_t - kTolerance_t) {
        unload();
        if (zone.stock_t > kTolerance_t && day.minutes < shift.shift_min) drive_to(zone.node);
      } else if (take < std::min(room, zone.stock_t)) {
        shift_over = true;  // time, not room or waste, stopped the loading
        break;
      }
    }
    if (shift_over) break;
  }
  if (load_t > kTolerance_t) unload();
  drive_to(depot);
  return day;
}

}  // namespace munisim
