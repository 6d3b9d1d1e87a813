#include "sim/experiment/execute.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include "sim/experiment/work_folder.hpp"
#include "sim/io/output.hpp"
#include "sim/model/simulation.hpp"

namespace munisim {

RunParallelism choose_parallelism(int cores, std::size_t runs, int jobs, int threads) {
  cores = std::max(cores, 1);
  const int most_jobs = static_cast<int>(std::clamp<std::size_t>(runs, 1, static_cast<std::size_t>(cores)));
  RunParallelism chosen;
  if (jobs > 0) {
    chosen.jobs = jobs;
    chosen.threads = threads > 0 ? threads : std::max(1, cores / jobs);
  } else if (threads > 0) {
    chosen.threads = threads;
    chosen.jobs = std::min(most_jobs, std::max(1, cores / threads));
  } else {
    chosen.jobs = most_jobs;
    chosen.threads = std::max(1, cores / chosen.jobs);
  }
  return chosen;
}

FileImage execute_run(const ExperimentPlan& plan, const PlannedRun& run, int threads, const std::atomic<bool>* stop,
                     const ProgressFn& progress) {
  if (plan.world) return plan.world_runner.run(run_world(plan, run), threads, stop, progress);
  Simulation simulation(run_scenario(plan, run), threads);
  simulation.run(stop, progress);
  return output_image(simulation.output(), &simulation.parallelism());
}

void execute_runs(const ExperimentPlan& plan, const std::filesystem::path& work, std::span<const std::size_t> indices,
                  RunParallelism parallelism, const std::atomic<bool>* stop,
                  const std::function<void(std::size_t, std::size_t)>& finished) {
  std::atomic<bool> halt{false};  // the user's stop, or a failed run stopping the others
  std::atomic<std::size_t> next{0};
  std::mutex lock;
  std::size_t done = 0;
  std::exception_ptr failure;
  auto worker = [&] {
    while (!halt.load()) {
      const std::size_t position = next.fetch_add(1);
      if (position >= indices.size()) return;
      const PlannedRun& run = plan.runs[indices[position]];
      try {
        const FileImage image = execute_run(plan, run, parallelism.threads, &halt, [&](int, int) {
          if (stop != nullptr && stop->load()) halt = true;
        });
        store_run(work, run, image);
        const std::lock_guard guard(lock);
        ++done;
        if (finished) finished(done, indices.size());
      } catch (...) {
        const std::lock_guard guard(lock);
        if (!failure) failure = std::current_exception();
        halt = true;
      }
    }
  };
  const int jobs = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(parallelism.jobs), indices.size()));
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) workers.emplace_back(worker);
  if (jobs > 0) worker();
  for (std::thread& thread : workers) thread.join();
  if (failure) std::rethrow_exception(failure);
  if (stop != nullptr && stop->load()) throw Interrupted();
}

}  // namespace munisim
