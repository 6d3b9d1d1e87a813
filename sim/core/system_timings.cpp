#include "sim/core/system_timings.hpp"

#include <time.h>

namespace munisim {
namespace {

double seconds_of(clockid_t clock) noexcept {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace

double process_cpu_seconds() noexcept { return seconds_of(CLOCK_PROCESS_CPUTIME_ID); }
double monotonic_seconds() noexcept { return seconds_of(CLOCK_MONOTONIC); }

}  // namespace munisim
