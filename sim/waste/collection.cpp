#include "sim/waste/collection.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/rng.hpp"
#include "sim/waste/route_order.hpp"
#include "sim/waste/street.hpp"

namespace munisim::waste {
namespace {

constexpr std::uint32_t kBreakdownPurpose = stream_purpose("waste.fleet.breakdown");
constexpr double kTolerance_t = 1e-9;       // below this, a zone is clean
constexpr std::size_t kShiftStartHour = 6;  // [EST] collection shifts start at dawn

// Largest-remainder split of `total` items by weight.
std::vector<int> apportion(const std::vector<double>& weights, int total) {
  double sum = 0;
  for (double weight : weights) sum += weight;
  std::vector<int> counts(weights.size(), 0);
  if (sum <= 0 || total <= 0) return counts;
  std::vector<std::pair<double, std::size_t>> remainders;
  int assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = weights[i] / sum * total;
    counts[i] = static_cast<int>(exact);
    assigned += counts[i];
    remainders.emplace_back(exact - counts[i], i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < total; ++k, ++assigned) ++counts[remainders[k % remainders.size()].second];
  return counts;
}

}  // namespace

Collection::Collection(const City& city, const WasteConfig& config, std::vector<double> expected_t_by_district,
                       const std::vector<CollectionZone>& zones, const Facilities& facilities,
                       CollectionChannels channels, Parallelism& parallel)
    : city_(city),
      config_(config),
      zones_(zones),
      facilities_(facilities),
      channels_(std::move(channels)),
      expected_t_(std::move(expected_t_by_district)),
      travel_cache_(city.network, PathWeight::free_time_min, zones.size() + 2) {
  for (std::size_t d = 0; d < zones.size(); ++d) node_district_.emplace(zones[d].node, static_cast<std::uint32_t>(d));
  for (const Facility& facility : city.facilities) node_district_.emplace(facility.node, facility.district);
  const Fuel fuel = fuel_from_name(config.fleet.fuel);
  electric_share_ = fuel == Fuel::electric ? 1.0 : 0.0;
  cng_share_ = fuel == Fuel::cng ? 1.0 : 0.0;
  // Planning the routes asks for a path from the depot and from every zone: their trees are
  // computed here on the run's threads rather than one by one as the planning asks.
  std::vector<NodeId> origins{facilities.depot};
  for (const CollectionZone& zone : zones) origins.push_back(zone.node);
  travel_cache_.warm(origins, parallel);
  resize_fleet(config.fleet.trucks);
}

void Collection::resize_fleet(int trucks) {
  repair_days_left_.resize(static_cast<std::size_t>(trucks), 0);  // trucks kept keep their repairs
  routes_.assign(static_cast<std::size_t>(trucks), {});
  plan_routes();
  assign_fuels();
}

void Collection::set_fuel_shares(double electric, double cng) {
  electric_share_ = electric;
  cng_share_ = cng;
  assign_fuels();
}

void Collection::optimise_routes(bool on) {
  optimise_routes_ = on;
  resize_fleet(static_cast<int>(routes_.size()));
}

// The first trucks run on electricity, the next on gas, the rest on diesel, by the fleet's shares.
void Collection::assign_fuels() {
  const std::size_t trucks = routes_.size();
  const auto electric = static_cast<std::size_t>(std::llround(electric_share_ * static_cast<double>(trucks)));
  const auto cng =
      std::min(trucks - electric, static_cast<std::size_t>(std::llround(cng_share_ * static_cast<double>(trucks))));
  truck_fuel_.assign(trucks, Fuel::diesel);
  std::fill_n(truck_fuel_.begin(), electric, Fuel::electric);
  std::fill_n(truck_fuel_.begin() + static_cast<std::ptrdiff_t>(electric), cng, Fuel::cng);
}

void Collection::plan_routes() {
  const auto trucks = static_cast<int>(routes_.size());
  if (trucks == 0) return;
  const std::vector<double>& expected_t = expected_t_;
  const std::vector<int> per_zone = apportion(expected_t, trucks);
  std::vector<double> load_per_truck(routes_.size(), 0.0);
  std::size_t next_truck = 0;
  for (std::size_t zone = 0; zone < zones_.size(); ++zone) {
    for (int k = 0; k < per_zone[zone]; ++k, ++next_truck) {
      routes_[next_truck].push_back(zone);
      load_per_truck[next_truck] = expected_t[zone] / per_zone[zone];
    }
  }
  // Zones too small for a truck of their own join the route of the least loaded truck.
  for (std::size_t zone = 0; zone < zones_.size(); ++zone) {
    if (per_zone[zone] > 0) continue;
    const auto least = static_cast<std::size_t>(std::min_element(load_per_truck.begin(), load_per_truck.end()) -
                                                load_per_truck.begin());
    routes_[least].push_back(zone);
    load_per_truck[least] += expected_t[zone];
  }
  order_routes();
}

// Measures each truck's tour between zones (depot to depot) as given and, with the route
// optimisation measure, reorders it to shorten it (nearest neighbour, then 2-opt, never worse
// than the order given).
void Collection::order_routes() {
  route_plan_km_.assign(2, 0.0);
  for (std::vector<std::size_t>& route : routes_) {
    const std::size_t points = route.size() + 1;
    CostMatrix km(points, std::vector<double>(points, 0.0));
    auto node_of = [&](std::size_t point) { return point == 0 ? facilities_.depot : zones_[route[point - 1]].node; };
    for (std::size_t a = 0; a < points; ++a) {
      for (std::size_t b = 0; b < points; ++b) {
        km[a][b] = travel(node_of(a), node_of(b)).km;
      }
    }
    std::vector<std::size_t> as_given(route.size());
    for (std::size_t k = 0; k < route.size(); ++k) as_given[k] = k + 1;
    std::vector<std::size_t> order = as_given;
    if (optimise_routes_) {
      const std::vector<std::size_t> shorter = optimise_tour(km);
      if (tour_cost(km, shorter) < tour_cost(km, as_given)) order = shorter;
    }
    route_plan_km_[0] += tour_cost(km, as_given);
    route_plan_km_[1] += tour_cost(km, order);
    std::vector<std::size_t> reordered;
    for (std::size_t point : order) reordered.push_back(route[point - 1]);
    route = reordered;
  }
}

Leg Collection::travel(NodeId from, NodeId to) {
  if (from == to) return {};
  const std::optional<Path> path = travel_cache_.path(from, to);
  if (!path) throw Error("no road from node " + std::to_string(from) + " to node " + std::to_string(to));
  Leg leg{0, path->cost};
  for (EdgeId edge : path->edges) leg.km += city_.network.edge_length_m(edge) / 1000.0;
  return leg;
}

Leg Collection::travel_in_traffic(NodeId from, NodeId to) {
  Leg leg = travel(from, to);
  if (!channels_.congestion) return leg;
  const RoadCongestion& roads = **channels_.congestion;
  const auto origin = node_district_.find(from);
  const auto destination = node_district_.find(to);
  if (roads.travel_time_factor.empty() || origin == node_district_.end() || destination == node_district_.end()) {
    return leg;
  }
  const std::size_t pair = origin->second * roads.districts + destination->second;
  const std::size_t end_hour =
      std::min(RoadCongestion::kHours, kShiftStartHour + static_cast<std::size_t>(std::ceil(config_.fleet.shift_h)));
  double factor = 0;
  for (std::size_t hour = kShiftStartHour; hour < end_hour; ++hour) {
    factor += roads.travel_time_factor[pair * RoadCongestion::kHours + hour];
  }
  leg.minutes *= factor / static_cast<double>(end_hour - kShiftStartHour);
  return leg;
}

TruckDay Collection::recovery_run(const TruckShift& shift, double minutes_used, std::vector<ZoneStock>& recovery,
                                  std::span<const std::size_t> route, std::vector<double>& collected,
                                  std::vector<TruckDrive>* drives) {
  TruckShift rest = shift;
  rest.shift_min = shift.shift_min - minutes_used;
  const NodeId unload_at = facilities_.transfer != nullptr ? facilities_.transfer->node : facilities_.disposal;
  const std::size_t first = drives != nullptr ? drives->size() : 0;
  TruckDay day = run_truck_day(rest, facilities_.depot, unload_at, route, recovery, collected,
                               [this](NodeId from, NodeId to) { return travel_in_traffic(from, to); }, drives);
  if (drives != nullptr) {
    for (std::size_t i = first; i < drives->size(); ++i) (*drives)[i].start_min += minutes_used;
  }
  return day;
}

void Collection::record_drives(int day, std::size_t truck, const std::vector<TruckDrive>& drives) {
  TraceRecorder& traces = *channels_.traces;
  const std::int32_t vehicle = traces.vehicle("truck-" + std::to_string(truck + 1), "waste_truck", "t");
  const double shift_start_s = static_cast<double>(kShiftStartHour) * 3600;
  std::vector<double> edge_free_min, times;
  for (const TruckDrive& drive : drives) {
    const std::optional<Path> path = travel_cache_.path(drive.from, drive.to);
    if (!path || path->cost <= 0) continue;
    edge_free_min.clear();
    for (EdgeId edge : path->edges) edge_free_min.push_back(city_.network.edge_free_time_min(edge));
    // The leg's minutes may be slowed by traffic; each street keeps its share of the free-flow time.
    edge_times_s(shift_start_s + drive.start_min * 60, drive.minutes, edge_free_min, times);
    traces.move(day, vehicle, path->edges, times, drive.load_t);
  }
}

void Collection::run(const StepContext& step) {
  const auto weekday = static_cast<std::size_t>(step.date.weekday());
  const std::size_t zones = zones_.size();
  const KerbDay& kerb = *channels_.kerb;
  const Directives& directives = *channels_.directives;
  std::vector<ZoneStock> stocks(zones), recovery(zones);
  std::vector<std::size_t> recovery_route;
  for (std::size_t d = 0; d < zones; ++d) {
    const double stock = kerb.street_t[d];
    const bool due = zones_[d].collection_weekday[weekday];
    stocks[d] = {zones_[d].node, due ? stock : 0.0, due && stock > 0 ? zones_[d].street_km / stock : 0.0};
    const bool recover = !due && d < directives.recovery_visit_by_district.size() &&
                         directives.recovery_visit_by_district[d] != 0 && stock > kTolerance_t;
    if (!recover) continue;
    recovery[d] = {zones_[d].node, stock, zones_[d].street_km / stock};
    recovery_route.push_back(d);
  }

  const FleetConfig& fleet = config_.fleet;
  const TruckShift shift{fleet.payload_t(), fleet.shift_h * 60, config_.collection.collection_speed_kmh,
                         config_.collection.loading_min_per_t, config_.collection.unloading_min};
  CollectionDay& today = channels_.collection.value();
  today = CollectionDay{};
  today.collected_t.assign(zones, 0.0);
  today.trucks_in_fleet = static_cast<int>(routes_.size());
  int in_service = 0;
  int spares_left = directives.spare_trucks;
  const bool tracing = channels_.traces != nullptr && channels_.traces->records(step.day);
  std::vector<TruckDrive> drives;
  for (std::size_t truck = 0; truck < routes_.size(); ++truck) {
    bool broken = repair_days_left_[truck] > 0;
    if (broken) {
      --repair_days_left_[truck];
    } else if (RandomStream(step.seed, truck, static_cast<std::uint32_t>(step.day), kBreakdownPurpose)
                   .bernoulli(fleet.breakdown_probability)) {
      repair_days_left_[truck] = fleet.repair_days - 1;
      broken = true;
    }
    // A spare from a shared pool drives the broken truck's route, on the broken truck's fuel.
    if (broken && spares_left == 0) continue;
    if (broken) --spares_left;
    ++today.trucks_available;
    if (directives.trucks_in_service >= 0 && in_service >= directives.trucks_in_service) continue;
    ++in_service;
    const NodeId unload_at = facilities_.transfer != nullptr ? facilities_.transfer->node : facilities_.disposal;
    drives.clear();
    std::vector<TruckDrive>* log = tracing ? &drives : nullptr;
    TruckDay day = run_truck_day(shift, facilities_.depot, unload_at, routes_[truck], stocks, today.collected_t,
                                 [this](NodeId from, NodeId to) { return travel_in_traffic(from, to); }, log);
    if (!recovery_route.empty() && day.minutes < shift.shift_min) {
      const TruckDay extra = recovery_run(shift, day.minutes, recovery, recovery_route, today.collected_t, log);
      day.km += extra.km;
      day.minutes += extra.minutes;
      day.disposed_t += extra.disposed_t;
      day.trips += extra.trips;
    }
    if (tracing) record_drives(step.day, truck, drives);
    today.truck_km += day.km;
    today.truck_km_by_fuel[static_cast<std::size_t>(truck_fuel_[truck])] += day.km;
    today.truck_minutes += day.minutes;
    today.disposed_t += day.disposed_t;
    today.trips += day.trips;
  }
  today.missed_visit.assign(zones, 0);
  for (std::size_t d = 0; d < zones; ++d) {
    today.missed_visit[d] = zones_[d].collection_weekday[weekday] && stocks[d].stock_t > kTolerance_t ? 1 : 0;
  }
  // What reaches a transfer station goes on to the disposal site the same day in full transfer trucks.
  if (facilities_.transfer != nullptr && today.disposed_t > 0) {
    const double trips = std::ceil(today.disposed_t / config_.collection.transfer_truck_capacity_t - 1e-9);
    today.transfer_km = trips * 2 * travel(facilities_.transfer->node, facilities_.disposal).km;
  }
  today.route_plan_km = route_plan_km_;
}

}  // namespace munisim::waste
