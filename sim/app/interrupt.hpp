// Ctrl-C asks a run to stop between two days instead of killing it mid-write.
#pragma once

#include <atomic>

namespace munisim::app {

// Installs a SIGINT/SIGTERM handler that sets the returned flag; a second Ctrl-C while stopping
// restores the default action so a stuck run can still be killed.
const std::atomic<bool>& install_interrupt_handler();

}  // namespace munisim::app
