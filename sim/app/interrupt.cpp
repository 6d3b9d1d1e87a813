#include "sim/app/interrupt.hpp"

#include <csignal>

namespace munisim::app {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_signal(int signal_number) {
  stop_requested.store(true);
  std::signal(signal_number, SIG_DFL);
}

}  // namespace

const std::atomic<bool>& install_interrupt_handler() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  return stop_requested;
}

}  // namespace munisim::app
