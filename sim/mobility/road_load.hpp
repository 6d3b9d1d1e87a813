// Congestion: the hour's vehicles between districts (cars, taxis, buses in PCU) loaded onto the
// fastest free-flow path between the districts' centres, each edge slowed by the BPR function
// t = t0 (1 + alpha (v / c)^beta), c = lanes x lane capacity x corridor factor.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/parallel.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim {

inline constexpr std::size_t kHours = 24;

struct RoadTimes {
  std::vector<double> time_min;   // [pair * 24 + hour]: driving time between the districts' centres
  std::vector<double> speed_kmh;  // [hour]: distance-weighted speed of the vehicles on the road
};

class RoadLoad {
 public:
  RoadLoad(const City& city, const TravelSkims& skims, const RoadsConfig& config);

  // `pcu`: [pair * 24 + hour] vehicles in passenger-car units. Hours are independent, so they
  // are loaded in parallel, each exactly as alone.
  [[nodiscard]] RoadTimes assign(Parallelism& parallel, const std::vector<double>& pcu);
  // Free-flow times in the same layout, to start from.
  [[nodiscard]] std::vector<double> free_flow() const;

 private:
  const City& city_;
  const TravelSkims& skims_;
  const RoadsConfig& config_;
  std::vector<double> capacity_pcu_per_h_;  // per edge
  // Per edge, reused from hour to hour and day to day: each loaded edge's flow, then its BPR
  // factor; zero (factor one) on every other edge. Only the loaded edges are touched, and they are
  // put back to zero after each hour, so checkpoints need not save them.
  struct Scratch {
    std::vector<double> flow_then_factor;
    std::vector<EdgeId> loaded;
  };
  void assign_hour(std::size_t hour, const std::vector<double>& pcu, Scratch& scratch, RoadTimes& result) const;
  // One per hour being loaded at once.
  std::mutex idle_mutex_;
  std::vector<std::unique_ptr<Scratch>> idle_scratch_;
};

}  // namespace munisim
