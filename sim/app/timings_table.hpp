// Prints where a run's time went, system by system (`munisim run --timings`).
#pragma once

#include <cstdio>
#include <vector>

#include "sim/core/system_timings.hpp"

namespace munisim::app {

// `rows` in the order they ran; each row's share is of their summed wall time. CPU / wall is the
// cores a row kept busy: near `threads` for a parallel phase, near 1 for a serial one.
void print_timings_table(std::FILE* stream, const std::vector<SystemTiming>& rows, int threads);

}  // namespace munisim::app
