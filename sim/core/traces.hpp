// Vehicle traces: on the days a scenario asks for, the streets each vehicle drove, with the time it
// entered and left each edge and its load. Domain-free: a service names its vehicles and kinds.
// Written to /events (docs/output-format.md).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/core/graph.hpp"

namespace munisim {

struct TracedVehicles {
  std::vector<std::string> name{};
  std::vector<std::string> kind{};       // waste_truck, ...
  std::vector<std::string> load_unit{};  // t, passengers, ...
};

struct TraceDay {
  int day = 0;                        // 1 = the first simulated day
  std::vector<std::int32_t> vehicle{};  // row in TracedVehicles
  std::vector<std::int32_t> edge{};     // row in /geometry/network_edges, driven from its `from` node
  std::vector<float> enter_s{};         // seconds after midnight
  std::vector<float> exit_s{};
  std::vector<float> load{};  // on the edge, in the vehicle's load_unit
};

struct Traces {
  TracedVehicles vehicles{};
  std::vector<TraceDay> days{};
};

// Collects the traces of the chosen days. Systems that record call it from one thread in a fixed
// order (their own sequential loops), so the rows are the same for any thread count.
class TraceRecorder {
 public:
  explicit TraceRecorder(std::vector<int> days);  // 1-based day numbers

  // Whether the day (0-based index, as in StepContext::day) is recorded.
  [[nodiscard]] bool records(int day_index) const;
  // The vehicle's row, added the first time a name and kind are seen together (a scheduled run
  // may be driven by another kind of vehicle after a fleet changes).
  std::int32_t vehicle(const std::string& name, const std::string& kind, const std::string& load_unit);
  // A drive along `edges` with one load: it enters edge e at times[e] and leaves the last one at
  // times.back() (one more time than edges, as edge_times_s gives them). Nothing on other days.
  void move(int day_index, std::int32_t vehicle, std::span<const EdgeId> edges, std::span<const double> times,
            double load);
  // Rows of each day sorted by vehicle, then time; days without a move are kept, empty.
  [[nodiscard]] Traces finished() const;

  // The days to record come from the scenario; only what was recorded so far is state (the
  // lookup of vehicles by name is rebuilt from it).
  template <class Archive>
  void persist(Archive& archive) {
    archive(traces_);
    if constexpr (Archive::loading) index_vehicles();
  }

 private:
  std::vector<int> days_;
  Traces traces_;
  void index_vehicles();

  std::unordered_map<std::string, std::int32_t> rows_;  // name and kind, joined by '\n', to row
};

// The time a vehicle enters each edge of a drive, and last the time it leaves the final one:
// `minutes` from `depart_s` shared over the edges in proportion to their free-flow minutes
// (`edge_free_min`, one per edge), so a drive slowed by traffic is slowed evenly. Written to
// `times` (replacing what it held), so a day's drives can share one buffer.
void edge_times_s(double depart_s, double minutes, std::span<const double> edge_free_min,
                  std::vector<double>& times);

}  // namespace munisim
