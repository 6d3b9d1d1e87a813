// Wall-clock times and the provenance a run's /meta records.
#pragma once

#include <chrono>
#include <string>

#include "sim/io/output.hpp"

namespace munisim {

[[nodiscard]] std::string iso8601_utc(std::chrono::system_clock::time_point when);  // 2026-11-25T03:15:00Z

// What /meta says of any run, city or world, of `scenario` (a loaded scenario: config, source)
// started at `wall_start` and described now.
template <class LoadedScenario>
[[nodiscard]] RunMeta run_meta(const LoadedScenario& scenario, int threads, int days_planned, int days_run,
                               std::chrono::system_clock::time_point wall_start) {
  const auto now = std::chrono::system_clock::now();
  RunMeta meta;
  meta.scenario_name = scenario.config.name;
  meta.scenario_source = scenario.source;
  meta.seed = scenario.config.seed;
  meta.threads = threads;
  meta.start_date = scenario.config.start_date.to_string();
  meta.days_planned = days_planned;
  meta.days_run = days_run;
  meta.wall_start_utc = iso8601_utc(wall_start);
  meta.wall_end_utc = iso8601_utc(now);
  meta.wall_seconds = std::chrono::duration<double>(now - wall_start).count();
  return meta;
}

}  // namespace munisim
