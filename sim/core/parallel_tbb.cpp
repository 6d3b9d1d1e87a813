// The oneTBB loop backend: one arena per run, one task per chunk.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include "sim/core/parallel_runners.hpp"

namespace munisim {
namespace {

class TbbRunner final : public LoopRunner {
 public:
  explicit TbbRunner(int threads) : arena_(threads) {}

  void run(std::size_t chunks, ChunkRanges run_chunks) override {
    arena_.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, chunks, 1),
          [&](const tbb::blocked_range<std::size_t>& range) {
            run_chunks.call(run_chunks.context, range.begin(), range.end());
          },
          tbb::simple_partitioner());
    });
  }

  void run_both(Task first, Task second) override {
    arena_.execute([&] {
      tbb::parallel_invoke([&] { first.call(first.context); }, [&] { second.call(second.context); });
    });
  }

 private:
  tbb::task_arena arena_;
};

}  // namespace

std::unique_ptr<LoopRunner> make_tbb_runner(int threads) { return std::make_unique<TbbRunner>(threads); }

}  // namespace munisim
