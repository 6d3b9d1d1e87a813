// The runs of an experiment: every variant times every replication, with the seed of replication i
// shared by all variants (common random numbers, so that differences between variants are paired).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/experiment/spec.hpp"
#include "sim/io/file_image.hpp"
#include "sim/model/district_data.hpp"
#include "sim/model/simulation.hpp"
#include "sim/scenario/world_loader.hpp"

namespace munisim {

struct PlannedRun {
  std::size_t index = 0;  // position in the plan: variant-major, then replication
  std::size_t variant = 0;
  int replication = 0;
  std::int64_t seed = 0;
  [[nodiscard]] std::string id() const;  // "0007": the run's group under /runs and its file in the work folder
};

// How the runs of a world base scenario (docs/world.md) are made: sim/world runs worlds and sits
// above experiments (it spreads cities over the experiments' MPI cluster), so whoever plans an
// experiment of a world hands these in (sim/world/world_experiment.hpp: world_runner()).
struct WorldRunner {
  // The bytes of the run's output: a tables output (sim/io/tables_output.hpp) of its KPIs per
  // municipality. Throws Interrupted when *stop becomes true between two days.
  std::function<FileImage(const WorldScenario&, int threads, const std::atomic<bool>* stop, const ProgressFn& progress)>
      run;
  // The KPIs a run of the world has per municipality, found without running it.
  std::function<std::vector<std::string>(const WorldScenario&)> kpi_names;
};

struct ExperimentPlan {
  ExperimentSpec spec;
  std::vector<std::string> extra_overrides;  // e.g. the command line's data_dir, applied to every run
  std::int64_t first_seed = 0;               // replication i runs with first_seed + i
  std::vector<PlannedRun> runs;
  ResolvedScenario baseline;  // replication 0 of the baseline, loaded once for the checks before any run
  bool world = false;          // the base scenario is a world: runs go through world_runner
  WorldScenario world_baseline;  // as `baseline`, for a world
  WorldRunner world_runner;
};

// Loads every variant's scenario once, so that any mistake is reported before the first run: an
// override the loader refuses is located at the spec line that wrote it.
// A world base scenario (a file with `cities:`) needs `world_runner`.
[[nodiscard]] ExperimentPlan plan_experiment(ExperimentSpec spec, std::vector<std::string> extra_overrides = {},
                                             WorldRunner world_runner = {});

// The scenario of one run: the base scenario with its variant's overrides, days and seed.
[[nodiscard]] ResolvedScenario run_scenario(const ExperimentPlan& plan, const PlannedRun& run);
// The same for an experiment of a world.
[[nodiscard]] WorldScenario run_world(const ExperimentPlan& plan, const PlannedRun& run);
// Every key of the run's scenario with its final value, city or world: what its output records.
[[nodiscard]] std::string run_resolved_yaml(const ExperimentPlan& plan, const PlannedRun& run);

// The overrides that make a run's scenario from the base scenario, as --set would take them.
[[nodiscard]] std::vector<std::string> run_overrides(const ExperimentPlan& plan, const PlannedRun& run);

}  // namespace munisim
