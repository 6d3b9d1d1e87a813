// The collection fleet: each day every truck that is not under repair drives its route over the
// zones due for collection, unloading whenever full, within its shift; with a directive, trucks with
// time left visit districts that are not due. Writes "waste.collection".
#pragma once

#include <array>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/climate/emissions.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/core/shortest_path.hpp"
#include "sim/core/traces.hpp"
#include "sim/mobility/mobility_channels.hpp"
#include "sim/waste/truck_day.hpp"
#include "sim/waste/waste_channels.hpp"
#include "sim/waste/waste_facilities.hpp"
#include "sim/waste/waste_series.hpp"
#include "sim/waste/zones.hpp"

namespace munisim::waste {

inline constexpr const char* kCollectionChannel = "waste.collection";

struct KerbDay;

// What the fleet did today.
struct CollectionDay {
  std::vector<double> collected_t;           // per district
  std::vector<std::uint8_t> missed_visit;    // per district: 1 when a scheduled collection was left unfinished
  double truck_km = 0;                       // collection trucks, all fuels
  std::array<double, 3> truck_km_by_fuel{};  // indexed by Fuel: diesel, cng, electric
  double truck_minutes = 0;
  double disposed_t = 0;  // unloaded at the disposal site in use (through the transfer station if any)
  int trips = 0;          // trips to unload
  int trucks_in_fleet = 0;
  int trucks_available = 0;                                         // not under repair
  double transfer_km = 0;                                           // transfer trucks, station to site and back
  std::vector<double> route_plan_km = std::vector<double>(2, 0.0);  // as given, in use
};

struct CollectionChannels {
  ChannelReader<KerbDay> kerb;
  ChannelReader<Directives> directives;                     // previous day
  std::optional<ChannelReader<RoadCongestion>> congestion;  // previous day, when the fleet heeds traffic
  ChannelWriter<CollectionDay> collection;
  TraceRecorder* traces = nullptr;  // records the trucks' drives on the scenario's trace days
};

class Collection {
 public:
  Collection(const City& city, const WasteConfig& config, std::vector<double> expected_t_by_district,
             const std::vector<CollectionZone>& zones, const Facilities& facilities, CollectionChannels channels,
             Parallelism& parallel);

  void run(const StepContext& step);
  void resize_fleet(int trucks);
  void set_fuel_shares(double electric, double cng);
  [[nodiscard]] double electric_share() const noexcept { return electric_share_; }
  [[nodiscard]] double cng_share() const noexcept { return cng_share_; }
  void optimise_routes(bool on);

  // What it keeps between days, for checkpoints; the path cache is rebuilt as needed (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(expected_t_, electric_share_, cng_share_, truck_fuel_, routes_, repair_days_left_, optimise_routes_, route_plan_km_);
  }

 private:
  void plan_routes();
  void order_routes();
  void assign_fuels();
  // Driving between two nodes: km and free-flow minutes.
  Leg travel(NodeId from, NodeId to);
  // The same, slowed by yesterday's traffic between the nodes' districts over the shift's hours.
  Leg travel_in_traffic(NodeId from, NodeId to);
  // A truck's run over the districts marked for recovery on a day they are not due.
  TruckDay recovery_run(const TruckShift& shift, double minutes_used, std::vector<ZoneStock>& recovery,
                        std::span<const std::size_t> route, std::vector<double>& collected,
                        std::vector<TruckDrive>* drives);
  // Each drive as the streets of its shortest path, their times shared out by free-flow time.
  void record_drives(int day, std::size_t truck, const std::vector<TruckDrive>& drives);

  const City& city_;
  const WasteConfig& config_;
  const std::vector<CollectionZone>& zones_;
  const Facilities& facilities_;
  CollectionChannels channels_;
  std::vector<double> expected_t_;  // per district, to share the trucks out
  PathCache travel_cache_;
  std::unordered_map<NodeId, std::uint32_t> node_district_;  // zones and facilities, for traffic
  double electric_share_ = 0;
  double cng_share_ = 0;
  std::vector<Fuel> truck_fuel_;
  std::vector<std::vector<std::size_t>> routes_;  // per truck, zones in visiting order
  std::vector<int> repair_days_left_;
  bool optimise_routes_ = false;
  std::vector<double> route_plan_km_ = std::vector<double>(2, 0.0);  // as given, in use
};

}  // namespace munisim::waste
