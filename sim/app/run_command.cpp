#include <fmt/core.h>

#include <cstdio>
#include <filesystem>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/core/error.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/memory_estimate.hpp"
#include "sim/model/run_inputs.hpp"
#include "sim/model/simulation.hpp"
#include "sim/scenario/world_loader.hpp"

namespace munisim::app {
namespace {

std::vector<std::string> all_overrides(const RunOptions& options) {
  std::vector<std::string> overrides = with_data_dir(options.overrides, options.data_dir);
  if (options.seed) overrides.push_back("seed=" + std::to_string(*options.seed));
  if (options.days) overrides.push_back("days=" + std::to_string(*options.days));
  return overrides;
}

}  // namespace

std::filesystem::path output_path(const std::string& out, const std::string& name) {
  if (!out.empty()) return out;
  std::error_code ignored;  // a folder that cannot be made is reported by check_output_target
  std::filesystem::create_directories("out", ignored);
  return "out/" + name + ".h5";
}

std::filesystem::path checkpoint_path(const Checkpointing& checkpointing, const std::filesystem::path& output) {
  if (!checkpointing.path.empty()) return checkpointing.path;
  std::filesystem::path path = output;
  path += ".ckpt";
  return path;
}

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
  if (is_world_scenario(options.scenario)) return world_run_command(options, all_overrides(options));
  ResolvedScenario resolved = resolve_district_data(load_scenario(options.scenario, all_overrides(options)));
  // Everything that can refuse the run does so before day 1: the output path, then the memory,
  // then (once the series are known) the output's size.
  OutputTarget target{output_path(options.out, resolved.scenario.config.name), run_inputs(resolved.scenario)};
  check_output_target(target);
  check_memory_estimate(resolved.scenario, options.quiet ? nullptr : stderr);
  const std::atomic<bool>& stop = install_interrupt_handler();

  Simulation simulation(std::move(resolved), thread_count(options.threads));
  target.estimated_bytes = estimated_output_bytes(simulation.output());
  check_output_target(target);
  return run_to_end(simulation, target, options.checkpointing, checkpoint_path(options.checkpointing, target.path),
                    options.quiet, options.timings, stop);
}

}  // namespace munisim::app
