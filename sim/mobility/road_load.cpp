#include "sim/mobility/road_load.hpp"

#include <cmath>

namespace munisim {
namespace {

// x^n for a whole n >= 0 by squaring: BPR's beta is usually whole (4 by default), and this costs a
// few multiplications where std::pow's general path costs tens of cycles per loaded edge and hour.
double whole_power(double x, unsigned n) {
  double result = 1;
  for (; n > 0; n >>= 1, x *= x) {
    if ((n & 1) != 0) result *= x;
  }
  return result;
}

}  // namespace

RoadLoad::RoadLoad(const City& city, const TravelSkims& skims, const RoadsConfig& config)
    : city_(city),
      skims_(skims),
      config_(config) {
  for (EdgeId edge = 0; edge < city.network.edge_count(); ++edge) {
    capacity_pcu_per_h_.push_back(city.network.edge_lanes(edge) * config.lane_capacity_veh_per_h *
                                  config.corridor_lanes_factor);
  }
}

std::vector<double> RoadLoad::free_flow() const {
  std::vector<double> times(skims_.districts() * skims_.districts() * kHours);
  for (std::size_t pair = 0; pair < skims_.districts() * skims_.districts(); ++pair) {
    for (std::size_t hour = 0; hour < kHours; ++hour) times[pair * kHours + hour] = skims_.free_time_min(pair);
  }
  return times;
}

RoadTimes RoadLoad::assign(Parallelism& parallel, const std::vector<double>& pcu) {
  const std::size_t pairs = skims_.districts() * skims_.districts();
  RoadTimes result{std::vector<double>(pairs * kHours, 0.0), std::vector<double>(kHours, 0.0)};
  for_each_chunk(parallel, kHours, 1, [&](std::size_t hour, std::size_t, std::size_t) {
    std::unique_ptr<Scratch> scratch;
    {
      const std::lock_guard lock(idle_mutex_);
      if (!idle_scratch_.empty()) {
        scratch = std::move(idle_scratch_.back());
        idle_scratch_.pop_back();
      }
    }
    if (!scratch) {
      const std::size_t edges = city_.network.edge_count();
      scratch = std::make_unique<Scratch>(Scratch{std::vector<double>(edges, 0.0), {}});
    }
    assign_hour(hour, pcu, *scratch, result);
    const std::lock_guard lock(idle_mutex_);
    idle_scratch_.push_back(std::move(scratch));
  });
  return result;
}

void RoadLoad::assign_hour(std::size_t hour, const std::vector<double>& pcu, Scratch& scratch,
                           RoadTimes& result) const {
  const RoadNetwork& network = city_.network;
  const std::size_t districts = skims_.districts();
  const std::size_t pairs = districts * districts;
  std::vector<double>& flow = scratch.flow_then_factor;
  std::vector<EdgeId>& loaded = scratch.loaded;
  for (std::size_t pair = 0; pair < pairs; ++pair) {
    const double vehicles = pcu[pair * kHours + hour];
    if (vehicles <= 0) continue;
    for (EdgeId edge : skims_.path(pair)) {
      if (flow[edge] == 0) loaded.push_back(edge);
      flow[edge] += vehicles;
    }
  }
  // A district's own streets slow down as the loaded edges leaving its nodes do, free-time weighted.
  std::vector<double> slowdown(districts, 0.0), weight(districts, 0.0);
  std::vector<double>& factor = flow;  // from here on
  const double beta = config_.bpr_beta;
  const bool whole_beta = beta == std::floor(beta);  // validated to [0, 10]
  for (EdgeId edge : loaded) {
    const double ratio = flow[edge] / capacity_pcu_per_h_[edge];
    const double power = whole_beta ? whole_power(ratio, static_cast<unsigned>(beta)) : std::pow(ratio, beta);
    factor[edge] = 1 + config_.bpr_alpha * power;
    const std::uint32_t district = city_.node_district[network.edge_from(edge)];
    if (district == kNoDistrict) continue;
    slowdown[district] += factor[edge] * network.edge_free_time_min(edge);
    weight[district] += network.edge_free_time_min(edge);
  }
  double vehicle_km = 0, vehicle_h = 0;
  for (std::size_t pair = 0; pair < pairs; ++pair) {
    double time = 0;
    if (skims_.path(pair).empty()) {
      const std::size_t district = pair / districts;
      time = skims_.free_time_min(pair) * (weight[district] > 0 ? slowdown[district] / weight[district] : 1.0);
    } else {
      for (EdgeId edge : skims_.path(pair)) {
        time += network.edge_free_time_min(edge) * (factor[edge] == 0 ? 1.0 : factor[edge]);
      }
    }
    result.time_min[pair * kHours + hour] = time;
    const double vehicles = pcu[pair * kHours + hour];
    vehicle_km += vehicles * skims_.distance_km(pair);
    vehicle_h += vehicles * time / 60.0;
  }
  result.speed_kmh[hour] = vehicle_h > 0 ? vehicle_km / vehicle_h : 0.0;
  for (EdgeId edge : loaded) factor[edge] = 0;
  loaded.clear();
}

}  // namespace munisim
