// Travel between districts as trips see it: each district's centre node, the fastest free-flow
// path between every two centres (its edges, to load with traffic), distances, and how far people
// walk within a district and to its transit stops.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/city/city.hpp"

namespace munisim {

class Parallelism;

class TravelSkims {
 public:
  // Builds the skims on the run's threads, one origin district at a time.
  TravelSkims(const City& city, Parallelism& parallel);

  [[nodiscard]] std::size_t districts() const noexcept { return centre_.size(); }
  [[nodiscard]] std::size_t pair(std::size_t origin, std::size_t destination) const noexcept {
    return origin * centre_.size() + destination;
  }
  // Network distance between the two districts' centres; within a district, the mean distance
  // between two of its street nodes (1.28 x their RMS distance from the centroid, as for points
  // spread over a disc) times a 1.3 detour factor [EST].
  [[nodiscard]] double distance_km(std::size_t pair) const { return distance_km_[pair]; }
  // Free-flow driving time along the same path (within a district: at its length-weighted speed).
  [[nodiscard]] double free_time_min(std::size_t pair) const { return free_time_min_[pair]; }
  // Edges of the path between two different districts' centres; empty within a district.
  [[nodiscard]] const std::vector<EdgeId>& path(std::size_t pair) const { return path_[pair]; }
  [[nodiscard]] NodeId centre(std::size_t district) const { return centre_[district]; }
  // Mean distance from a district's street nodes to the nearest of `stops` (network nodes).
  // One district per thread of `parallel`.
  [[nodiscard]] std::vector<double> access_km(const City& city, const std::vector<NodeId>& stops,
                                              Parallelism& parallel) const;

 private:
  std::vector<NodeId> centre_;
  std::vector<double> distance_km_, free_time_min_;
  std::vector<std::vector<EdgeId>> path_;
};

}  // namespace munisim
