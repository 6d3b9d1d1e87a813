// Running an experiment's runs in this process: several at once, each with its own threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "sim/experiment/plan.hpp"
#include "sim/model/simulation.hpp"

namespace munisim {

struct RunParallelism {
  int jobs = 1;     // runs at once
  int threads = 1;  // threads of each run
};

// Fills `cores` (docs/experiments.md): runs are independent and scale perfectly while one run's
// threads share memory bandwidth and wait at each day's barriers, so whole runs go in parallel
// first (jobs = min(runs, cores)) and cores left over go to each run's threads
// (threads = max(1, cores / jobs)). A value the user gives (> 0) is kept and the other follows
// from it.
[[nodiscard]] RunParallelism choose_parallelism(int cores, std::size_t runs, int jobs, int threads);

// One run from its scenario to the bytes of its HDF5 output (output_image). Throws Interrupted
// when *stop becomes true between two days; `progress` is called after each day.
[[nodiscard]] FileImage execute_run(const ExperimentPlan& plan, const PlannedRun& run, int threads,
                                    const std::atomic<bool>* stop = nullptr, const ProgressFn& progress = {});

// Runs plan.runs[i] for each i of `indices`, `parallelism.jobs` at a time, and stores each in the
// work folder as it finishes; after each, `finished(done, total)` is called (one call at a time).
// The first failure stops the other runs and is rethrown once they have; finished runs stay stored.
void execute_runs(const ExperimentPlan& plan, const std::filesystem::path& work, std::span<const std::size_t> indices,
                  RunParallelism parallelism, const std::atomic<bool>* stop,
                  const std::function<void(std::size_t, std::size_t)>& finished);

}  // namespace munisim
