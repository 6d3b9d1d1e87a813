#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/checkpoint.hpp"
#include "sim/model/run_inputs.hpp"

namespace munisim::app {

int resume_command(const ResumeOptions& options) {
  const std::atomic<bool>& stop = install_interrupt_handler();
  OpenedCheckpoint opened = open_checkpoint(options.checkpoint);
  // The checks made before a run's day 1, with the checkpoint as one more input not to replace.
  const Scenario& scenario = opened.scenario.scenario;
  OutputTarget target{output_path(options.out, scenario.config.name), run_inputs(scenario)};
  target.inputs.push_back({options.checkpoint, "the checkpoint"});
  check_output_target(target);
  check_memory_estimate(scenario, options.quiet ? nullptr : stderr);
  std::unique_ptr<Simulation> simulation = resume_simulation(std::move(opened), thread_count(options.threads));
  target.estimated_bytes = estimated_output_bytes(simulation->output());
  check_output_target(target);
  if (!options.quiet) {
    std::fprintf(stderr, "resuming %s at day %d of %d\n", options.checkpoint.c_str(), simulation->days_run(),
                 simulation->days_planned());
  }
  const std::filesystem::path checkpoint =
      options.checkpointing.path.empty() ? options.checkpoint : options.checkpointing.path;
  return run_to_end(*simulation, target, options.checkpointing, checkpoint, options.quiet, options.timings, stop);
}

}  // namespace munisim::app
