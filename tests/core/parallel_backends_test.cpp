// The std::thread loop backend keeps the promises of parallel.hpp: every chunk once, partials in
// block order, the same sums as oneTBB and as one thread, and a failing chunk's exception reaches
// the caller once every thread has stopped.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

double awkward_sum(Parallelism& parallel) {
  return sum_blocks(parallel, 300000, [](std::size_t i) {
    return std::sin(static_cast<double>(i)) * std::pow(10.0, static_cast<double>(i % 17) - 8);
  });
}

TEST(ParallelBackends, ThreadsBackendVisitsEveryChunkOnce) {
  Parallelism parallel(3, LoopBackend::threads);
  EXPECT_EQ(parallel.backend(), LoopBackend::threads);
  const std::size_t n = 7 * kBlockSize + 5;
  std::vector<std::atomic<int>> visits(n);
  for_each_block(parallel, n, [&](std::size_t begin, std::size_t end, std::size_t block) {
    EXPECT_EQ(begin, block * kBlockSize);
    for (std::size_t i = begin; i < end; ++i) ++visits[i];
  });
  for (const auto& count : visits) ASSERT_EQ(count.load(), 1);
}

TEST(ParallelBackends, SumsAreBitIdenticalOnEveryBackend) {
  Parallelism serial(1, LoopBackend::threads);
  const double one = awkward_sum(serial);
  for (LoopBackend backend : {LoopBackend::threads, LoopBackend::tbb}) {
    if (!loop_backend_available(backend)) continue;
    for (int threads : {2, 4}) {
      Parallelism parallel(threads, backend);
      const double many = awkward_sum(parallel);
      EXPECT_EQ(std::memcmp(&one, &many, sizeof(double)), 0) << threads << " threads";
    }
  }
}

TEST(ParallelBackends, AChunkThatThrowsReachesTheCallerAfterEveryThreadHasStopped) {
  Parallelism parallel(2, LoopBackend::threads);
  std::atomic<int> ran{0};
  EXPECT_THROW(for_each_block(parallel, 64 * kBlockSize,
                              [&](std::size_t, std::size_t, std::size_t block) {
                                ++ran;
                                if (block == 3) throw std::runtime_error("chunk 3 failed");
                              }),
               std::runtime_error);
  const int ran_when_caught = ran.load();
  EXPECT_GE(ran_when_caught, 1);
  EXPECT_EQ(ran.load(), ran_when_caught) << "no chunk runs after the loop returned";
}

TEST(ParallelBackends, TheBuildsDefaultIsAvailableAndAMissingBackendIsRefused) {
  EXPECT_TRUE(loop_backend_available(default_loop_backend()));
  if (!loop_backend_available(LoopBackend::tbb)) {
    EXPECT_THROW(Parallelism(2, LoopBackend::tbb), Error);
  }
}

}  // namespace
}  // namespace munisim
