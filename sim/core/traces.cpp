#include "sim/core/traces.hpp"

#include <algorithm>
#include <numeric>

namespace munisim {

TraceRecorder::TraceRecorder(std::vector<int> days) : days_(std::move(days)) {
  std::sort(days_.begin(), days_.end());
  days_.erase(std::unique(days_.begin(), days_.end()), days_.end());
  for (int day : days_) traces_.days.push_back(TraceDay{.day = day});
}

bool TraceRecorder::records(int day_index) const {
  return std::binary_search(days_.begin(), days_.end(), day_index + 1);
}

namespace {
std::string vehicle_key(const std::string& name, const std::string& kind) { return name + '\n' + kind; }
}  // namespace

void TraceRecorder::index_vehicles() {
  rows_.clear();
  const TracedVehicles& vehicles = traces_.vehicles;
  for (std::size_t row = 0; row < vehicles.name.size(); ++row) {
    rows_.emplace(vehicle_key(vehicles.name[row], vehicles.kind[row]), static_cast<std::int32_t>(row));
  }
}

std::int32_t TraceRecorder::vehicle(const std::string& name, const std::string& kind, const std::string& load_unit) {
  TracedVehicles& vehicles = traces_.vehicles;
  const auto [row, added] = rows_.try_emplace(vehicle_key(name, kind), static_cast<std::int32_t>(vehicles.name.size()));
  if (!added) return row->second;
  vehicles.name.push_back(name);
  vehicles.kind.push_back(kind);
  vehicles.load_unit.push_back(load_unit);
  return row->second;
}

void TraceRecorder::move(int day_index, std::int32_t vehicle, std::span<const EdgeId> edges,
                         std::span<const double> times, double load) {
  const auto day = std::lower_bound(days_.begin(), days_.end(), day_index + 1);
  if (day == days_.end() || *day != day_index + 1) return;
  TraceDay& rows = traces_.days[static_cast<std::size_t>(day - days_.begin())];
  for (std::size_t e = 0; e < edges.size(); ++e) {
    rows.vehicle.push_back(vehicle);
    rows.edge.push_back(static_cast<std::int32_t>(edges[e]));
    rows.enter_s.push_back(static_cast<float>(times[e]));
    rows.exit_s.push_back(static_cast<float>(times[e + 1]));
    rows.load.push_back(static_cast<float>(load));
  }
}

Traces TraceRecorder::finished() const {
  Traces sorted{.vehicles = traces_.vehicles};
  for (const TraceDay& day : traces_.days) {
    std::vector<std::size_t> order(day.vehicle.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return day.vehicle[a] != day.vehicle[b] ? day.vehicle[a] < day.vehicle[b] : day.enter_s[a] < day.enter_s[b];
    });
    TraceDay out{.day = day.day};
    for (std::size_t i : order) {
      out.vehicle.push_back(day.vehicle[i]);
      out.edge.push_back(day.edge[i]);
      out.enter_s.push_back(day.enter_s[i]);
      out.exit_s.push_back(day.exit_s[i]);
      out.load.push_back(day.load[i]);
    }
    sorted.days.push_back(std::move(out));
  }
  return sorted;
}

void edge_times_s(double depart_s, double minutes, std::span<const double> edge_free_min,
                  std::vector<double>& times) {
  const double free_min = std::accumulate(edge_free_min.begin(), edge_free_min.end(), 0.0);
  times.assign(1, depart_s);
  double elapsed_free = 0;
  for (double free : edge_free_min) {
    elapsed_free += free;
    times.push_back(depart_s + (free_min > 0 ? minutes * 60 * elapsed_free / free_min : 0.0));
  }
}

}  // namespace munisim
