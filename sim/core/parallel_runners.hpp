// The two loop backends behind Parallelism (sim/core/parallel.hpp); private to sim/core.
#pragma once

#include <memory>

#include "sim/core/parallel.hpp"

namespace munisim {

[[nodiscard]] std::unique_ptr<LoopRunner> make_thread_runner(int threads);
// Defined only when built with oneTBB (MUNISIM_PARALLEL_TBB=1).
[[nodiscard]] std::unique_ptr<LoopRunner> make_tbb_runner(int threads);

}  // namespace munisim
