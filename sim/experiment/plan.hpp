// The runs of an experiment: every variant times every replication, with the seed of replication i
// shared by all variants (common random numbers, so that differences between variants are paired).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/experiment/spec.hpp"
#include "sim/model/district_data.hpp"

namespace munisim {

struct PlannedRun {
  std::size_t index = 0;  // position in the plan: variant-major, then replication
  std::size_t variant = 0;
  int replication = 0;
  std::int64_t seed = 0;
  [[nodiscard]] std::string id() const;  // "0007": the run's group under /runs and its file in the work folder
};

struct ExperimentPlan {
  ExperimentSpec spec;
  std::vector<std::string> extra_overrides;  // e.g. the command line's data_dir, applied to every run
  std::int64_t first_seed = 0;               // replication i runs with first_seed + i
  std::vector<PlannedRun> runs;
  ResolvedScenario baseline;  // replication 0 of the baseline, loaded once for the checks before any run
};

// Loads every variant's scenario once, so that any mistake is reported before the first run: an
// override the loader refuses is located at the spec line that wrote it.
[[nodiscard]] ExperimentPlan plan_experiment(ExperimentSpec spec, std::vector<std::string> extra_overrides = {});

// The scenario of one run: the base scenario with its variant's overrides, days and seed.
[[nodiscard]] ResolvedScenario run_scenario(const ExperimentPlan& plan, const PlannedRun& run);

// The overrides that make a run's scenario from the base scenario, as --set would take them.
[[nodiscard]] std::vector<std::string> run_overrides(const ExperimentPlan& plan, const PlannedRun& run);

}  // namespace munisim
