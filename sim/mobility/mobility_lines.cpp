// Transit lines of the mobility service: drawn in the scenario, planned trunk lines, and the
// measures that change lines, fleets, fares and safety.
#include <algorithm>

#include "sim/mobility/detail/mobility_state.hpp"

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
  for (const MobilityMeasureConfig& measure : config_.measures) {
    trunk_line_.push_back(static_cast<std::size_t>(-1));
    applied_.push_back(false);
    if (measure.kind != "trunk_line") continue;
    std::string name = "trunk:";
    for (const std::string& district : measure.districts) name += " " + district;
    std::array<double, kTransitPeriods> headway{};
    headway.fill(measure.value);
    trunk_line_.back() = routes_.lines().size();
    routes_.add_line(RouteLine{.name = name,
                               .headway_min = headway,
                               .fare_soles = transit_.default_fare_soles,
                               .own_speed_kmh = config_.transit.trunk_speed_kmh,
                               .vehicle = vehicle_type(measure.vehicle),
                               .active = false},
                     route_through(city_, measure.districts, "mobility.measures.districts"), skims_, city_);
  }
}

void MobilityService::refresh_access() {
  std::vector<NodeId> stops;
  for (const RouteLine& line : routes_.lines()) {
    if (line.active) stops.insert(stops.end(), line.stop_nodes.begin(), line.stop_nodes.end());
  }
  std::sort(stops.begin(), stops.end());
  stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
  access_km_ = skims_.access_km(city_, stops);
}

double MobilityService::places(std::size_t line) const {
  const TransitServiceConfig& types = config_.transit;
  const std::array<double, kVehicleTypes> capacity = {types.combi.capacity, types.bus.capacity,
                                                      types.electric_bus.capacity, types.brt.capacity};
  double total = 0;
  for (std::size_t v = 0; v < kVehicleTypes; ++v) total += mix_[line][v] * capacity[v];
  return total;
}
void MobilityService::apply_measures(const StepContext& step) {
  // Measures added while the simulation runs come after those it started with.
  applied_.resize(config_.measures.size(), false);
  trunk_line_.resize(config_.measures.size(), static_cast<std::size_t>(-1));
  bool lines_changed = false;
  for (std::size_t m = 0; m < config_.measures.size(); ++m) {
    const MobilityMeasureConfig& measure = config_.measures[m];
    if (applied_[m] || measure.start_date.days_since_epoch() > step.date.days_since_epoch()) continue;
    applied_[m] = true;
    const std::string& kind = measure.kind;
    std::vector<RouteLine>& lines = routes_.lines();
    if (kind == "trunk_line") {
      lines[trunk_line_[m]].active = true;
      lines_changed = true;
    } else if (kind == "headway") {
      for (RouteLine& line : lines) {
        const bool named = measure.lines.empty() ||
                           std::find(measure.lines.begin(), measure.lines.end(), line.name) != measure.lines.end();
        if (named) {
          for (double& headway : line.headway_min) headway *= measure.value;
        }
      }
    } else if (kind == "fleet_renewal") {
      for (auto& mix : mix_) {
        const double renewed = mix[kCombi] * measure.value;
        mix[kCombi] -= renewed;
        mix[kBus] += renewed;
      }
    } else if (kind == "electrification") {
      for (auto& mix : mix_) {
        const double electrified = mix[kBus] * measure.value;
        mix[kBus] -= electrified;
        mix[kElectricBus] += electrified;
      }
    } else if (kind == "fare") {
      fare_factor_ *= measure.value;
    } else if (kind == "fare_integration") {
      integration_ = std::min(1.0, measure.value);
    } else if (kind == "street_lighting") {
      safety_.lighting = std::min(1.0, measure.value);
    } else if (kind == "staff_on_board") {
      safety_.staff_on_board = std::min(1.0, measure.value);
    } else if (kind == "women_only_vehicles") {
      safety_.women_only = std::min(1.0, measure.value);
    } else if (kind == "bike_lanes") {
      safety_.bike_lanes = std::min(1.0, measure.value);
    }
  }
  if (lines_changed) {
    routes_.plan(skims_);
    refresh_access();
  }
}

// What each district pair offers at each hour, from the lines as they run today and the roads and
// loads as they were yesterday.
}  // namespace munisim::mobility_detail
