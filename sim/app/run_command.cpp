#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/core.h>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/kpi_table.hpp"
#include "sim/app/progress.hpp"
#include "sim/core/error.hpp"
#include "sim/model/kpi.hpp"
#include "sim/model/simulation.hpp"

namespace munisim::app {
namespace {

std::vector<std::string> all_overrides(const RunOptions& options) {
  std::vector<std::string> overrides = with_data_dir(options.overrides, options.data_dir);
  if (options.seed) overrides.push_back("seed=" + std::to_string(*options.seed));
  if (options.days) overrides.push_back("days=" + std::to_string(*options.days));
  return overrides;
}

// Fails before simulating, not after a year of simulated days, when the output cannot be written.
void check_writable(const std::filesystem::path& out) {
  std::error_code error;
  const std::filesystem::path directory = out.has_parent_path() ? out.parent_path() : ".";
  std::filesystem::create_directories(directory, error);
  const std::filesystem::path probe = directory / (".munisim-probe-" + std::to_string(::getpid()));
  std::ofstream(probe).put('\n');
  if (error || !std::filesystem::exists(probe)) {
    throw InputError({"--out", 0, 0}, "", "cannot write to directory '" + directory.string() + "'");
  }
  std::filesystem::remove(probe);
}

}  // namespace

std::vector<std::string> with_data_dir(std::vector<std::string> overrides, const std::string& data_dir) {
  if (!data_dir.empty())
    overrides.push_back("data_dir=\"" +
                        std::filesystem::weakly_canonical(std::filesystem::absolute(data_dir)).string() + "\"");
  return overrides;
}

int run_command(const RunOptions& options) {
  Scenario scenario = load_scenario(options.scenario, all_overrides(options));
  const std::filesystem::path out = options.out.empty() ? "out/" + scenario.config.name + ".h5" : options.out;
  check_writable(out);
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::atomic<bool>& stop = install_interrupt_handler();

  Simulation simulation(std::move(scenario), threads);
  for (const std::string& warning : simulation.warnings()) fmt::print(stderr, "warning: {}\n", warning);
  ProgressReporter progress(stderr, options.quiet);
  try {
    simulation.run(&stop, std::ref(progress));
  } catch (const Interrupted&) {
    progress.finish();
    throw;
  }
  progress.finish();
  write_output(out, simulation.output());
  if (stop.load()) {
    // Ctrl-C during the write: the file is complete, but the user asked for nothing to be kept.
    std::filesystem::remove(out);
    throw Interrupted();
  }
  if (!options.quiet) {
    const Scenario& done = simulation.scenario();
    std::printf("%s: %d days from %s, seed %lld, %d threads, %zu citizen agents\n", done.config.name.c_str(),
                simulation.days_run(), done.config.start_date.to_string().c_str(),
                static_cast<long long>(done.config.seed), threads, simulation.city().citizens.size());
    print_kpi_table(stdout, kpis(simulation.metrics(), simulation.days_run()));
    std::printf("wrote %s\n", out.c_str());
  }
  return kExitOk;
}

}  // namespace munisim::app
