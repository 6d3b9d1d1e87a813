// The memory a run will need, from what the scenario asks for, so that a run that cannot fit is
// refused before it allocates instead of ending in the OOM killer (Linux overcommits).
#pragma once

#include <cstdint>
#include <string>

#include "sim/scenario/scenario_config.hpp"

namespace munisim {

struct MemoryEstimate {
  std::uint64_t citizens = 0;    // citizen agents: population / sampling
  std::uint64_t households = 0;  // household agents
  std::int64_t days = 0;
  std::uint64_t bytes = 0;  // expected peak resident memory of the whole run, output included
};

// From resolved districts (after city.ubigeo is looked up). Streets imported from OpenStreetMap
// are not counted: their size is known only once the extract is read.
[[nodiscard]] MemoryEstimate estimate_memory(const ScenarioConfig& config);

// "about 31 MiB for 100000 citizen agents, 28571 households and 30 days"
[[nodiscard]] std::string describe(const MemoryEstimate& estimate);

// InputError (exit code 2) at `scenario_file` giving the estimate and the tightest limit when the
// estimate exceeds it (see memory_limits.hpp).
void check_memory(const MemoryEstimate& estimate, const std::string& scenario_file);

}  // namespace munisim
