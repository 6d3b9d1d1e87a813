#include "sim/mobility/road_load.hpp"

#include <cmath>

namespace munisim {

RoadLoad::RoadLoad(const City& city, const TravelSkims& skims, const RoadsConfig& config)
    : city_(city),
      skims_(skims),
      config_(config),
      flow_(city.network.edge_count(), 0.0),
      factor_(city.network.edge_count(), 1.0) {
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

RoadTimes RoadLoad::assign(const std::vector<double>& pcu) {
  const RoadNetwork& network = city_.network;
  const std::size_t districts = skims_.districts();
  const std::size_t pairs = districts * districts;
  RoadTimes result{std::vector<double>(pairs * kHours, 0.0), std::vector<double>(kHours, 0.0)};
  std::vector<double> slowdown(districts), weight(districts);
  for (std::size_t hour = 0; hour < kHours; ++hour) {
    for (EdgeId edge : loaded_) flow_[edge] = 0, factor_[edge] = 1;
    loaded_.clear();
    for (std::size_t pair = 0; pair < pairs; ++pair) {
      const double vehicles = pcu[pair * kHours + hour];
      if (vehicles <= 0) continue;
      for (EdgeId edge : skims_.path(pair)) {
        if (flow_[edge] == 0) loaded_.push_back(edge);
        flow_[edge] += vehicles;
      }
    }
    // A district's own streets slow down as the loaded_ edges leaving its nodes do, free-time weighted.
    std::fill(slowdown.begin(), slowdown.end(), 0.0);
    std::fill(weight.begin(), weight.end(), 0.0);
    for (EdgeId edge : loaded_) {
      factor_[edge] = 1 + config_.bpr_alpha * std::pow(flow_[edge] / capacity_pcu_per_h_[edge], config_.bpr_beta);
      const std::uint32_t district = city_.node_district[network.edge_from(edge)];
      if (district == kNoDistrict) continue;
      slowdown[district] += factor_[edge] * network.edge_free_time_min(edge);
      weight[district] += network.edge_free_time_min(edge);
    }
    double vehicle_km = 0, vehicle_h = 0;
    for (std::size_t pair = 0; pair < pairs; ++pair) {
      double time = 0;
      if (skims_.path(pair).empty()) {
        const std::size_t district = pair / districts;
        time = skims_.free_time_min(pair) * (weight[district] > 0 ? slowdown[district] / weight[district] : 1.0);
      } else {
        for (EdgeId edge : skims_.path(pair)) time += network.edge_free_time_min(edge) * factor_[edge];
      }
      result.time_min[pair * kHours + hour] = time;
      const double vehicles = pcu[pair * kHours + hour];
      vehicle_km += vehicles * skims_.distance_km(pair);
      vehicle_h += vehicles * time / 60.0;
    }
    result.speed_kmh[hour] = vehicle_h > 0 ? vehicle_km / vehicle_h : 0.0;
  }
  return result;
}

}  // namespace munisim
