#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/checkpoint.hpp"
#include "sim/model/run_inputs.hpp"

namespace munisim::app {

int resume_command(const ResumeOptions& options) {
  std::unique_ptr<Simulation> simulation = resume_simulation(options.checkpoint, thread_count(options.threads));
  // The same checks as before a run's day 1, with the checkpoint as one more input not to replace.
  OutputTarget target{output_path(options.out, simulation->scenario()), run_inputs(simulation->scenario())};
  target.inputs.push_back({options.checkpoint, "the checkpoint"});
  target.estimated_bytes = estimated_output_bytes(simulation->output());
  check_output_target(target);
  check_memory_estimate(simulation->scenario(), options.quiet ? nullptr : stderr);
  if (!options.quiet) {
    std::fprintf(stderr, "resuming %s at day %d of %d\n", options.checkpoint.c_str(), simulation->days_run(),
                 simulation->days_planned());
  }
  const std::filesystem::path checkpoint =
      options.checkpointing.path.empty() ? options.checkpoint : options.checkpointing.path;
  return run_to_end(*simulation, target, options.checkpointing, checkpoint, options.quiet);
}

}  // namespace munisim::app
