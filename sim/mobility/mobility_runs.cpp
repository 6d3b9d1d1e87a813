// Vehicle traces of the transit lines: on a trace day, every scheduled departure of every running
// line is one run along the line's streets (sim/mobility/transit_runs.hpp). Reads the model's
// state only, so series are the same with traces on or off.
#include <cmath>
#include <string>
#include <optional>

#include "sim/core/shortest_path.hpp"
#include "sim/mobility/detail/mobility_state.hpp"
#include "sim/mobility/transit_runs.hpp"

namespace munisim::mobility_detail {
namespace {

// "06:40:00": the departure, which with the line names the run.
std::string clock(double seconds) {
  const auto whole = static_cast<long>(std::lround(seconds));
  const auto two_digits = [](long value) { return std::string(value < 10 ? "0" : "") + std::to_string(value); };
  return two_digits(whole / 3600) + ":" + two_digits(whole / 60 % 60) + ":" + two_digits(whole % 60);
}

}  // namespace

const std::vector<EdgeId>& MobilityService::line_edges(std::size_t l) {
  line_edges_.resize(routes_.lines().size());
  const RouteLine& line = routes_.lines()[l];
  std::vector<EdgeId>& edges = line_edges_[l];
  if (!line.edges.empty() || !edges.empty()) return line.edges.empty() ? edges : line.edges;
  for (std::size_t s = 1; s < line.stop_nodes.size(); ++s) {
    const std::optional<Path> path =
        astar_path(city_.network, line.stop_nodes[s - 1], line.stop_nodes[s], PathWeight::free_time_min);
    if (path) edges.insert(edges.end(), path->edges.begin(), path->edges.end());
  }
  return edges;
}

void MobilityService::record_runs(int day, std::size_t weekday, const LineHourLoads& loads) {
  TraceRecorder& traces = *published_.traces;
  const std::array<double, kVehicleTypes> capacity = capacities();
  std::vector<double> times;  // when each run enters each edge, reused from run to run
  for (std::size_t l = 0; l < routes_.lines().size(); ++l) {
    const RouteLine& line = routes_.lines()[l];
    if (!line.active) continue;
    const std::vector<double> departures = departures_s(line, weekday);
    const std::vector<VehicleType> types = run_types(departures.size(), mix_[l]);
    std::vector<double> run_capacity;
    for (VehicleType type : types) run_capacity.push_back(capacity[type]);
    std::array<double, kHours> hour_load{};
    for (std::size_t h = 0; h < kHours; ++h) hour_load[h] = loads.peak_load[l * kHours + h];
    const std::vector<double> load = run_loads(departures, hour_load, run_capacity);
    const std::vector<EdgeId>& edges = line_edges(l);
    std::vector<double> edge_free_min;
    for (EdgeId edge : edges) edge_free_min.push_back(city_.network.edge_free_time_min(edge));
    // A run's minutes as the model rides the line: each stretch between district visits (the last
    // one to the line's end) at the line's speed there in the departure hour; the same for every
    // run leaving in that hour.
    std::array<double, kHours> run_min{};
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      for (std::size_t v = 0; v < line.districts.size(); ++v) {
        const bool last = v + 1 == line.districts.size();
        const double km = (last ? line.length_km : line.km[v + 1]) - line.km[v];
        const std::size_t pair = skims_.pair(line.districts[v], line.districts[last ? v : v + 1]);
        if (km > 0) run_min[hour] += km / line_speed_kmh(line, pair, hour) * 60;
      }
    }
    for (std::size_t r = 0; r < departures.size(); ++r) {
      const auto hour = static_cast<std::size_t>(departures[r] / 3600);
      const std::string kind = kVehicleNames[types[r]];
      const std::int32_t vehicle = traces.vehicle(line.name + " " + clock(departures[r]), kind, "passengers");
      edge_times_s(departures[r], run_min[hour], edge_free_min, times);
      traces.move(day, vehicle, edges, times, load[r]);
    }
  }
}

}  // namespace munisim::mobility_detail
