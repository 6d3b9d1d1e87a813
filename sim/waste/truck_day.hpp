// One collection truck's working day: depot -> its zones in route order -> a disposal trip
// whenever full -> back to the depot. When the shift runs out, the rest of the route waits for the
// zone's next collection day. Pure function of its inputs, so it can be checked by hand.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "sim/core/graph.hpp"

namespace munisim {

struct TruckShift {
  double capacity_t = 7;
  double shift_min = 480;
  double collection_speed_kmh = 8;
  double loading_min_per_t = 10;
  double unloading_min = 20;
};

struct ZoneStock {
  NodeId node = 0;      // where the truck enters the zone
  double stock_t = 0;   // waste waiting at the kerb; trucks take from it
  double km_per_t = 0;  // street km driven per tonne collected in this zone today
};

struct Leg {
  double km = 0;
  double minutes = 0;
};
using TravelFn = std::function<Leg(NodeId from, NodeId to)>;

struct TruckDay {
  double km = 0;
  double minutes = 0;
  double disposed_t = 0;
  int trips = 0;  // disposal trips
};

// One drive of a truck's day, for vehicle traces: where from and to, when it left (minutes into
// the shift), how long it took and what it carried.
struct TruckDrive {
  NodeId from = 0;
  NodeId to = 0;
  double start_min = 0;
  double minutes = 0;
  double load_t = 0;
};

// Collects from `zones[route[i]]` (reducing their stock, adding to collected_t[zone]).
// The shift bounds collecting; the final trip to unload and return to the depot may run over.
TruckDay run_truck_day(const TruckShift& shift, NodeId depot, NodeId disposal, std::span<const std::size_t> route,
                       std::vector<ZoneStock>& zones, std::vector<double>& collected_t, const TravelFn& travel,
                       std::vector<TruckDrive>* drives = nullptr);

}  // namespace munisim
