// What a domain's one registration entry point gets from the engine: where to add its systems,
// series and channels, and the seed for draws made while it sets up.
#pragma once

#include <cstdint>

#include "sim/core/channels.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/core/traces.hpp"

namespace munisim {

struct Registration {
  Scheduler& scheduler;
  MetricsRegistry& metrics;
  Channels& channels;
  Parallelism& parallel;  // the run's threads, for work done while a domain sets up
  std::uint64_t seed;
  TraceRecorder* traces = nullptr;  // set when the scenario records vehicle traces (output.traces.days)
};

}  // namespace munisim
