// Transit lines of the mobility service: drawn in the scenario, planned trunk lines, and the
// measures that change lines, fleets, fares and safety.
#include <algorithm>

#include "sim/core/variant_kinds.hpp"
#include "sim/mobility/detail/mobility_state.hpp"
#include "sim/mobility/fleet_allocation.hpp"

namespace munisim::mobility_detail {
namespace {

std::vector<std::uint32_t> route_through(const City& city, const std::vector<std::string>& names, const char* key) {
  std::vector<std::uint32_t> through;
  for (const std::string& name : names) through.push_back(district_index(city, name, key));
  return through;
}

}  // namespace

void MobilityService::plan_scenario_lines() {
  for (const LineConfig& config : config_.transit.lines) {
    RouteLine line{.name = config.name, .fare_soles = config.fare_soles, .vehicle = vehicle_type(config.vehicle)};
    std::copy(config.headway_min.begin(), config.headway_min.end(), line.headway_min.begin());
    routes_.add_line(std::move(line), route_through(city_, config.districts, "mobility.transit.lines.districts"),
                     skims_, city_);
  }
  routes_.plan(skims_);
}

void MobilityService::plan_trunk_lines() {
  for (const MobilityMeasureConfig& config : config_.measures) {
    measures_.push_back(mobility::measure_from_config(config));
    trunk_line_.push_back(static_cast<std::size_t>(-1));
    applied_.push_back(false);
    const auto* trunk = std::get_if<mobility::TrunkLine>(&measures_.back());
    if (trunk == nullptr) continue;
    std::string name = "trunk:";
    for (const std::string& district : trunk->districts) name += " " + district;
    std::array<double, kTransitPeriods> headway{};
    headway.fill(trunk->headway_min);
    trunk_line_.back() = routes_.lines().size();
    routes_.add_line(RouteLine{.name = name,
                               .headway_min = headway,
                               .fare_soles = transit_.default_fare_soles,
                               .own_speed_kmh = config_.transit.trunk_speed_kmh,
                               .vehicle = vehicle_type(trunk->vehicle),
                               .active = false},
                     route_through(city_, trunk->districts, "mobility.measures.districts"), skims_, city_);
  }
}

void MobilityService::refresh_access(Parallelism& parallel) {
  std::vector<NodeId> stops;
  for (const RouteLine& line : routes_.lines()) {
    if (line.active) stops.insert(stops.end(), line.stop_nodes.begin(), line.stop_nodes.end());
  }
  std::sort(stops.begin(), stops.end());
  stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
  access_km_ = skims_.access_km(city_, stops, parallel);
}

std::array<double, kVehicleTypes> MobilityService::capacities() const {
  const TransitServiceConfig& types = config_.transit;
  return {types.combi.capacity, types.bus.capacity, types.electric_bus.capacity, types.brt.capacity};
}

double MobilityService::places(std::size_t line) const {
  const std::array<double, kVehicleTypes> capacity = capacities();
  double total = 0;
  for (std::size_t v = 0; v < kVehicleTypes; ++v) total += mix_[line][v] * capacity[v];
  return total;
}
void MobilityService::apply_measures(const StepContext& step) {
  // Measures added while the simulation runs come after those it started with; each is converted once.
  applied_.resize(config_.measures.size(), false);
  trunk_line_.resize(config_.measures.size(), static_cast<std::size_t>(-1));
  for (std::size_t m = measures_.size(); m < config_.measures.size(); ++m) {
    measures_.push_back(mobility::measure_from_config(config_.measures[m]));
  }
  bool lines_changed = false;
  for (std::size_t m = 0; m < measures_.size(); ++m) {
    if (applied_[m] || config_.measures[m].start_date.days_since_epoch() > step.date.days_since_epoch()) continue;
    applied_[m] = true;
    lines_changed |= apply(measures_[m], trunk_line_[m]);
  }
  for (const mobility::Measure& measure : *published_.adopted) lines_changed |= apply(measure, trunk_line_.size());
  if (lines_changed) {
    routes_.plan(skims_);
    refresh_access(step.parallel);
  }
}

bool MobilityService::apply(const mobility::Measure& measure, std::size_t trunk) {
  bool lines_changed = false;
  std::vector<RouteLine>& lines = routes_.lines();
  std::visit(
      Overloaded{
          [&](const mobility::TrunkLine&) {
            if (trunk >= lines.size()) throw Error("a trunk line can only start from the scenario's measures");
            lines[trunk].active = true;
            lines_changed = true;
          },
          [&](const mobility::Headway& headway) {
            for (std::size_t l = 0; l < lines.size(); ++l) {
              RouteLine& line = lines[l];
              const bool named = headway.lines.empty() || std::find(headway.lines.begin(), headway.lines.end(),
                                                                    line.name) != headway.lines.end();
              if (named) {
                for (double& minutes : line.headway_min) minutes *= headway.factor;
                measure_headway_factor_[l] *= headway.factor;
              }
            }
          },
          [&](const mobility::FleetRenewal& renewal) { shift_fleet(kCombi, kBus, renewal.share); },
          [&](const mobility::Electrification& electric) { shift_fleet(kBus, kElectricBus, electric.share); },
          [&](const mobility::Fare& fare) { fare_factor_ *= fare.factor; },
          [&](const mobility::FareIntegration& integration) { integration_ = std::min(1.0, integration.share); },
          [&](const mobility::StreetLighting& safety) { safety_.lighting = std::min(1.0, safety.share); },
          [&](const mobility::StaffOnBoard& safety) { safety_.staff_on_board = std::min(1.0, safety.share); },
          [&](const mobility::WomenOnlyVehicles& safety) { safety_.women_only = std::min(1.0, safety.share); },
          [&](const mobility::BikeLanes& safety) { safety_.bike_lanes = std::min(1.0, safety.share); },
      },
      measure);
  return lines_changed;
}

double MobilityService::free_run_time_min(const RouteLine& line, std::size_t period) const {
  const double speed = line.own_speed_kmh > 0 ? line.own_speed_kmh : transit_.commercial_speed_kmh[period];
  return line.length_km / speed * 60.0;
}

// Moves `share` of every line's vehicles of type `from` to type `to`.
void MobilityService::shift_fleet(std::size_t from, std::size_t to, double share) {
  for (auto& mix : mix_) {
    const double moved = mix[from] * share;
    mix[from] -= moved;
    mix[to] += moved;
  }
}

// A line's need in a period is sized for its busiest hour: riders on the busiest stretch per hour
// over one vehicle's places is the vehicles per hour that carry them, times the run time in hours
// the vehicles in service. Tomorrow's fleet is spread by the need expected of tomorrow's kind of day.
void MobilityService::allocate_fleet_by_demand(const LineHourLoads& loads, const std::vector<double>& line_places,
                                               std::size_t weekday) {
  std::vector<RouteLine>& lines = routes_.lines();
  std::vector<double> need(lines.size() * kTransitPeriods, 0.0);
  std::vector<double> run_time_min(lines.size() * kTransitPeriods, 0.0);
  std::vector<char> running(lines.size() * kTransitPeriods, 0);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const RouteLine& line = lines[l];
    for (std::size_t p = 0; p < kTransitPeriods; ++p) {
      run_time_min[l * kTransitPeriods + p] = free_run_time_min(line, p);
      running[l * kTransitPeriods + p] = line.active && line.headway_min[p] > 0 ? 1 : 0;
    }
    for (std::size_t h = 0; h < kHours; ++h) {
      const std::size_t cell = l * kTransitPeriods + period_of_hour(h);
      const double per_hour = line_places[l] > 0 ? loads.peak_load[l * kHours + h] / line_places[l] : 0.0;
      need[cell] = std::max(need[cell], per_hour * run_time_min[cell] / 60.0);
    }
  }
  fleet_need_.remember(weekday, need, config_.transit.smoothing);
  const std::span<const double> expected = fleet_need_.expected((weekday + 1) % 7);
  const FleetAllocationConfig& fleet = config_.transit.fleet_allocation;
  const std::vector<double> vehicles = allocate_fleet({expected.begin(), expected.end()}, running, kTransitPeriods,
                                                      fleet.vehicles, fleet.min_vehicles_per_line);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t p = 0; p < kTransitPeriods; ++p) {
      const std::size_t cell = l * kTransitPeriods + p;
      if (running[cell] != 0) lines[l].headway_min[p] = run_time_min[cell] / vehicles[cell] * measure_headway_factor_[l];
    }
  }
}

// What each district pair offers at each hour, from the lines as they run today and the roads and
// loads as they were yesterday.
}  // namespace munisim::mobility_detail
