#include "sim/core/parallel.hpp"

#include <string>

#include "sim/core/error.hpp"
#include "sim/core/parallel_runners.hpp"

namespace munisim {
namespace {

int at_least_one(int threads) {
  if (threads < 1) throw Error("thread count must be at least 1, got " + std::to_string(threads));
  return threads;
}

std::unique_ptr<LoopRunner> make_runner(LoopBackend backend, int threads) {
  if (backend == LoopBackend::threads) return make_thread_runner(threads);
#if MUNISIM_PARALLEL_TBB
  return make_tbb_runner(threads);
#else
  throw Error("this munisim was built without oneTBB (MUNISIM_PARALLEL_BACKEND=threads)");
#endif
}

}  // namespace

LoopBackend default_loop_backend() noexcept {
  return MUNISIM_PARALLEL_TBB ? LoopBackend::tbb : LoopBackend::threads;
}

bool loop_backend_available(LoopBackend backend) noexcept {
  return backend == LoopBackend::threads || MUNISIM_PARALLEL_TBB;
}

Parallelism::Parallelism(int threads, LoopBackend backend)
    : threads_(at_least_one(threads)), backend_(backend), runner_(make_runner(backend, threads_)) {}

Parallelism::~Parallelism() = default;

}  // namespace munisim
