#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/kpi_table.hpp"
#include "sim/app/progress.hpp"
#include "sim/core/error.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/kpi.hpp"
#include "sim/model/memory_estimate.hpp"
#include "sim/model/run_inputs.hpp"
#include "sim/model/simulation.hpp"

namespace munisim::app {
namespace {

std::vector<std::string> all_overrides(const RunOptions& options) {
  std::vector<std::string> overrides = with_data_dir(options.overrides, options.data_dir);
  if (options.seed) overrides.push_back("seed=" + std::to_string(*options.seed));
  if (options.days) overrides.push_back("days=" + std::to_string(*options.days));
  return overrides;
}

// --out, or out/<scenario name>.h5, whose folder is munisim's own to create.
std::filesystem::path output_path(const RunOptions& options, const Scenario& scenario) {
  if (!options.out.empty()) return options.out;
  std::error_code ignored;  // a folder that cannot be made is reported by check_output_target
  std::filesystem::create_directories("out", ignored);
  return "out/" + scenario.config.name + ".h5";
}

}  // namespace

std::vector<std::string> with_data_dir(std::vector<std::string> overrides, const std::string& data_dir) {
  if (!data_dir.empty())
    overrides.push_back("data_dir=\"" +
                        std::filesystem::weakly_canonical(std::filesystem::absolute(data_dir)).string() + "\"");
  return overrides;
}

void check_memory_estimate(const Scenario& scenario, std::FILE* stream) {
  const MemoryEstimate estimate = estimate_memory(scenario.config);
  if (stream != nullptr) fmt::print(stream, "memory: {}\n", describe(estimate));
  check_memory(estimate, scenario.source);
}

int run_command(const RunOptions& options) {
  ResolvedScenario resolved = resolve_district_data(load_scenario(options.scenario, all_overrides(options)));
  // Everything that can refuse the run does so before day 1: the output path, then the memory,
  // then (once the series are known) the output's size.
  OutputTarget target{output_path(options, resolved.scenario), run_inputs(resolved.scenario)};
  check_output_target(target);
  check_memory_estimate(resolved.scenario, options.quiet ? nullptr : stderr);
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::atomic<bool>& stop = install_interrupt_handler();

  Simulation simulation(std::move(resolved), threads);
  target.estimated_bytes = estimated_output_bytes(simulation.output());
  check_output_target(target);
  for (const std::string& warning : simulation.warnings()) fmt::print(stderr, "warning: {}\n", warning);
  ProgressReporter progress(stderr, options.quiet);
  try {
    simulation.run(&stop, std::ref(progress));
  } catch (const Interrupted&) {
    progress.finish();
    throw;
  }
  progress.finish();
  write_output(target.path, simulation.output());
  if (stop.load()) {
    // Ctrl-C during the write: the file is complete, but the user asked for nothing to be kept.
    std::filesystem::remove(target.path);
    throw Interrupted();
  }
  if (!options.quiet) {
    const Scenario& done = simulation.scenario();
    std::printf("%s: %d days from %s, seed %lld, %d threads, %zu citizen agents\n", done.config.name.c_str(),
                simulation.days_run(), done.config.start_date.to_string().c_str(),
                static_cast<long long>(done.config.seed), threads, simulation.city().citizens.size());
    print_kpi_table(stdout, kpis(simulation.metrics(), simulation.days_run()));
    std::printf("wrote %s\n", target.path.c_str());
  }
  return kExitOk;
}

}  // namespace munisim::app
