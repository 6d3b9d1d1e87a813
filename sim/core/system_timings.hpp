// Where a run's days spend their time, system by system: wall time on the clock and CPU time of the
// whole process (every thread), so CPU / wall says how many cores a system kept busy and a system
// near 1.0 on a many-thread run is what bounds the speed-up. Measured around each system call; two
// clock reads per system and day cost nothing next to a day. Never written to the output: timings
// differ from run to run, the output must not.
#pragma once

#include <string>
#include <vector>

namespace munisim {

struct SystemTiming {
  std::string name;
  int runs = 0;         // days the system was due
  double wall_s = 0;    // seconds on the clock
  double cpu_s = 0;     // CPU seconds of all the process's threads meanwhile
};

// CPU seconds used so far by every thread of this process.
[[nodiscard]] double process_cpu_seconds() noexcept;
// Seconds on a monotonic clock from an arbitrary origin.
[[nodiscard]] double monotonic_seconds() noexcept;

}  // namespace munisim
