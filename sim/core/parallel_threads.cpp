// The std::thread loop backend: for each loop, threads-1 helpers and the caller take chunks one at a
// time from a shared counter. Slower to start than oneTBB, but every synchronisation is visible to
// ThreadSanitizer, which cannot see inside Debian's uninstrumented libtbb.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "sim/core/parallel_runners.hpp"

namespace munisim {
namespace {

class ThreadRunner final : public LoopRunner {
 public:
  explicit ThreadRunner(int threads) : threads_(threads) {}

  void run(std::size_t chunks, ChunkRanges run_chunks) override {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto work = [&] {
      for (std::size_t index = next++; index < chunks && !failed; index = next++) {
        try {
          run_chunks.call(run_chunks.context, index, index + 1);
        } catch (...) {
          const std::scoped_lock lock(error_mutex);
          if (!first_error) first_error = std::current_exception();
          failed = true;
        }
      }
    };
    const std::size_t helpers = std::min<std::size_t>(static_cast<std::size_t>(threads_), chunks) - 1;
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (std::size_t i = 0; i < helpers; ++i) pool.emplace_back(work);
    work();
    pool.clear();  // joins
    if (first_error) std::rethrow_exception(first_error);
  }

  // The second task gets a thread of its own; the loops of each take helpers of their own, so for
  // a while more threads than asked for may run.
  void run_both(Task first, Task second) override {
    const std::jthread other([&] { second.call(second.context); });
    first.call(first.context);
  }

 private:
  int threads_;
};

}  // namespace

std::unique_ptr<LoopRunner> make_thread_runner(int threads) { return std::make_unique<ThreadRunner>(threads); }

}  // namespace munisim
