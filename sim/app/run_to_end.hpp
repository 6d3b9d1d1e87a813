// Steps a built (or resumed) simulation to its last day, writing checkpoints on the way, then its
// output and the KPI summary: what `run` and `resume` share.
#pragma once

#include <atomic>
#include <filesystem>

#include "sim/app/commands.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/simulation.hpp"

namespace munisim::app {

// All hardware threads for 0.
[[nodiscard]] int thread_count(int requested);

// `checkpoint` is where checkpoints go (used only when checkpointing asks for them); `stop` is the
// flag of install_interrupt_handler(); `timings` prints the time of each system after the output
// (even when quiet: the user asked for it). Returns the exit code; Interrupted when `stop` is set,
// leaving the last checkpoint written.
int run_to_end(Simulation& simulation, const OutputTarget& target, const Checkpointing& checkpointing,
               const std::filesystem::path& checkpoint, bool quiet, bool timings, const std::atomic<bool>& stop);

}  // namespace munisim::app
