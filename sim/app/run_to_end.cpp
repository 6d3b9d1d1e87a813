#include "sim/app/run_to_end.hpp"

#include <fmt/core.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "sim/app/kpi_table.hpp"
#include "sim/app/progress.hpp"
#include "sim/app/timings_table.hpp"
#include "sim/core/error.hpp"
#include "sim/model/checkpoint.hpp"
#include "sim/model/kpi.hpp"

namespace munisim::app {
namespace {

// The next day at which the run pauses: a checkpoint day, the stop, or the end.
int next_pause(const Simulation& simulation, const Checkpointing& checkpointing) {
  int next = simulation.days_planned();
  if (checkpointing.every_days > 0) {
    next = std::min(next, (simulation.days_run() / checkpointing.every_days + 1) * checkpointing.every_days);
  }
  if (checkpointing.stop_after > simulation.days_run()) next = std::min(next, checkpointing.stop_after);
  return next;
}

void write_checkpoint(const Simulation& simulation, const std::filesystem::path& path, bool quiet) {
  const auto start = std::chrono::steady_clock::now();
  save_checkpoint(simulation, path);
  if (quiet) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::error_code ignored;
  const double mib = static_cast<double>(std::filesystem::file_size(path, ignored)) / (1024.0 * 1024.0);
  fmt::print(stderr, "checkpoint: day {} of {}, {:.2f} MiB in {:.2f} s, {}\n", simulation.days_run(),
             simulation.days_planned(), mib, seconds, path.string());
}

}  // namespace

int thread_count(int requested) {
  if (requested > 0) return requested;
  // The cores this process may run on, not the machine's: mpirun binds each rank to its own core(s),
  // and threads beyond them would only take turns (and make oneTBB warn that it cannot add workers).
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) return std::max(1, CPU_COUNT(&allowed));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int run_to_end(Simulation& simulation, const OutputTarget& target, const Checkpointing& checkpointing,
               const std::filesystem::path& checkpoint, bool quiet, bool timings, const std::atomic<bool>& stop) {
  for (const std::string& warning : simulation.warnings()) fmt::print(stderr, "warning: {}\n", warning);
  if (timings) simulation.time_systems_alone();
  ProgressReporter progress(stderr, quiet);
  try {
    while (!simulation.finished()) {
      simulation.step(next_pause(simulation, checkpointing) - simulation.days_run(), &stop, std::ref(progress));
      if (simulation.finished()) break;
      const bool stopping = simulation.days_run() == checkpointing.stop_after;
      const bool due = checkpointing.every_days > 0 && simulation.days_run() % checkpointing.every_days == 0;
      if (due || stopping) {
        progress.finish();
        write_checkpoint(simulation, checkpoint, quiet);
      }
      if (stopping) {
        if (!quiet) {
          std::printf("stopped after day %d of %d; finish with: munisim resume %s\n", simulation.days_run(),
                      simulation.days_planned(), checkpoint.c_str());
        }
        return kExitOk;
      }
    }
  } catch (const Interrupted&) {
    progress.finish();
    throw;
  }
  progress.finish();
  SystemTiming writing{"(writing the output)", 1};
  const double write_start_s = monotonic_seconds();
  const double write_start_cpu_s = process_cpu_seconds();
  write_output(target.path, simulation.output(), &simulation.parallelism());
  writing.wall_s = monotonic_seconds() - write_start_s;
  writing.cpu_s = process_cpu_seconds() - write_start_cpu_s;
  if (stop.load()) {
    // Ctrl-C during the write: the file is complete, but the user asked for nothing to be kept.
    std::filesystem::remove(target.path);
    throw Interrupted();
  }
  if (!quiet) {
    const Scenario& done = simulation.scenario();
    std::printf("%s: %d days from %s, seed %lld, %d threads, %zu citizen agents\n", done.config.name.c_str(),
                simulation.days_run(), done.config.start_date.to_string().c_str(),
                static_cast<long long>(done.config.seed), simulation.threads(), simulation.city().citizens.size());
    print_kpi_table(stdout, kpis(simulation.metrics(), simulation.days_run()));
    std::printf("wrote %s\n", target.path.c_str());
  }
  if (timings) {
    std::vector<SystemTiming> rows = simulation.timings();
    rows.push_back(writing);
    print_timings_table(stdout, rows, simulation.threads());
  }
  return kExitOk;
}

}  // namespace munisim::app
