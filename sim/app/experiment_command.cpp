// `munisim experiment SPEC.yaml`: every run of an experiment, spread over this machine's cores
// (and over MPI ranks under mpirun), resumable, summarised into one HDF5 file, a table and a report.
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>

#include "sim/app/commands.hpp"
#include "sim/app/experiment_table.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/progress.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/experiment/cluster.hpp"
#include "sim/experiment/execute.hpp"
#include "sim/experiment/finish.hpp"
#include "sim/experiment/work_folder.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/memory_estimate.hpp"
#include "sim/model/run_inputs.hpp"
#include "sim/world/world_experiment.hpp"

namespace munisim::app {
namespace {

std::filesystem::path report_path(const ExperimentOptions& options, const std::filesystem::path& out) {
  if (!options.html.empty()) return options.html;
  std::filesystem::path html = out;
  return html.replace_extension(".html");
}

// Rank 0's checks before any run: the outputs can be written, the KPIs exist, the work folder is
// this experiment's. Returns the runs still to do.
std::vector<std::size_t> prepare(const ExperimentOptions& options, const ExperimentPlan& plan,
                                 const std::filesystem::path& out, const std::filesystem::path& work) {
  std::vector<InputFile> inputs =
      plan.world ? std::vector<InputFile>{{plan.spec.scenario, "the world scenario"}} : run_inputs(plan.baseline.scenario);
  inputs.push_back({plan.spec.source, "the experiment spec"});
  check_output_target({out, inputs});
  check_output_target({report_path(options, out), inputs, OutputKind::html_report});
  check_kpi_names(plan);
  const std::size_t stored = stored_runs(work);
  if (stored > 0 && !options.resume) {
    throw InputError({work.string(), 0, 0}, "",
                     fmt::format("holds {} runs of an interrupted experiment; --resume continues it, or remove the "
                                 "folder to start again",
                                 stored));
  }
  return pending_runs(plan, work);
}

void check_memory_for(const ExperimentPlan& plan, int jobs) {
  if (plan.world) return;  // a world's estimate would need every municipality built: docs/experiments.md
  const PlannedRun& first = plan.runs.front();
  MemoryEstimate estimate = estimate_memory(first.variant == plan.spec.baseline ? plan.baseline.scenario.config
                                                                                : run_scenario(plan, first).scenario.config);
  estimate.bytes *= static_cast<std::uint64_t>(jobs);  // that many runs are in memory at once
  check_memory(estimate, plan.spec.source);
}

}  // namespace

int experiment_command(const ExperimentOptions& options) {
  const std::unique_ptr<Cluster> cluster = join_cluster();
  const bool leader = cluster->rank() == 0;
  std::vector<std::size_t> pending;
  std::filesystem::path out;
  std::filesystem::path work;
  ExperimentPlan plan;
  bool prepared = false;
  try {
    plan = plan_experiment(load_experiment_spec(options.spec), with_data_dir({}, options.data_dir), world_runner());
    out = output_path(options.out, plan.spec.name);
    work = work_folder(out);
    if (leader) pending = prepare(options, plan, out, work);
    prepared = true;
  } catch (...) {
    // Every rank reads the same spec; rank 0 reports, the others learn that it failed.
    (void)cluster->all(false);
    if (!leader) return kExitBadInput;
    throw;
  }
  if (!cluster->all(prepared)) return kExitBadInput;  // rank 0 has reported why
  pending = cluster->broadcast(pending);

  const int machine_cores = thread_count(0);
  const std::vector<std::size_t> mine = share_of(pending, cluster->rank(), cluster->size());
  const RunParallelism parallelism =
      choose_parallelism(std::max(1, machine_cores / cluster->local_size()), mine.size(), options.jobs, options.threads);
  if (leader && !options.quiet) {
    fmt::print(stderr, "experiment {}: {} variants x {} replications = {} runs, {} to do; {} at once x {} threads",
               plan.spec.name, plan.spec.variants.size(), plan.spec.replications, plan.runs.size(), pending.size(),
               parallelism.jobs, parallelism.threads);
    fmt::print(stderr, "{}\n", cluster->size() > 1 ? fmt::format(" on each of {} ranks", cluster->size()) : "");
  }
  bool ran = false;
  try {
    if (!mine.empty()) check_memory_for(plan, parallelism.jobs);
    const std::atomic<bool>& stop = install_interrupt_handler();
    ProgressReporter progress(stderr, options.quiet || !leader, "run");
    execute_runs(plan, work, mine, parallelism, &stop, [&](std::size_t done, std::size_t total) {
      progress(static_cast<int>(done), static_cast<int>(total));
    });
    progress.finish();
    ran = true;
  } catch (const Interrupted&) {
    if (leader) {
      fmt::print(stderr, "interrupted: {} finished runs are kept in {}; run again with --resume to continue\n",
                 stored_runs(work), work.string());
    }
    (void)cluster->all(false);
    return kExitInterrupted;
  } catch (...) {
    (void)cluster->all(false);  // each failing rank reports its own error
    throw;
  }
  if (!cluster->all(ran)) {
    if (leader) {
      fmt::print(stderr, "error: a run failed on another rank; finished runs are kept in {} for --resume\n",
                 work.string());
    }
    return kExitInternal;
  }
  if (!leader) return kExitOk;

  const std::filesystem::path html = report_path(options, out);
  const ExperimentResults results = finish_experiment(plan, work, out, html);
  if (!options.quiet) {
    print_experiment_table(stdout, plan, results);
    fmt::print("wrote {} and {}\n", out.string(), html.string());
  }
  return kExitOk;
}

}  // namespace munisim::app
