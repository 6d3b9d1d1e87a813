#include "sim/core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Values of wildly mixed magnitude make the sum depend on the order of additions.
std::vector<double> awkward_values(std::size_t n) {
  std::vector<double> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = std::sin(static_cast<double>(i)) * std::pow(10.0, static_cast<double>(i % 17) - 8);
  }
  return values;
}

TEST(Parallel, EveryIndexVisitedOnceInFixedBlocks) {
  for (int threads : {1, 2, 4}) {
    Parallelism parallel(threads);
    const std::size_t n = 3 * kBlockSize + 17;
    std::vector<std::atomic<int>> visits(n);
    std::vector<std::size_t> block_begins(block_count(n));
    for_each_block(parallel, n, [&](std::size_t begin, std::size_t end, std::size_t block) {
      block_begins[block] = begin;
      EXPECT_EQ(begin, block * kBlockSize);
      EXPECT_EQ(end, std::min(n, begin + kBlockSize));
      for (std::size_t i = begin; i < end; ++i) ++visits[i];
    });
    for (const auto& count : visits) ASSERT_EQ(count.load(), 1);
  }
}

TEST(Parallel, SumsAreBitIdenticalForAnyThreadCount) {
  const std::vector<double> values = awkward_values(1000000);
  auto sum_with = [&](int threads) {
    Parallelism parallel(threads);
    return sum_blocks(parallel, values.size(), [&](std::size_t i) { return values[i]; });
  };
  const double one = sum_with(1);
  for (int threads : {2, 4}) {
    const double many = sum_with(threads);
    EXPECT_EQ(std::memcmp(&one, &many, sizeof(double)), 0) << threads << " threads";
  }
  // The fixed blocking is itself a different order from a plain loop, which is the point:
  // the result is defined by the blocks, not by the threads.
  double plain = 0, magnitude = 0;
  for (double value : values) {
    plain += value;
    magnitude += std::abs(value);
  }
  EXPECT_NEAR(one, plain, 1e-13 * magnitude);
}

TEST(Parallel, ReduceCombinesInBlockOrder) {
  Parallelism parallel(4);
  const std::size_t n = 10 * kBlockSize;
  const auto order = reduce_blocks(
      parallel, n, std::vector<std::size_t>{},
      [](std::size_t begin, std::size_t) { return std::vector<std::size_t>{begin / kBlockSize}; },
      [](std::vector<std::size_t> into, const std::vector<std::size_t>& part) {
        into.insert(into.end(), part.begin(), part.end());
        return into;
      });
  ASSERT_EQ(order.size(), 10u);
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
}

TEST(Parallel, EmptyRangeAndBadThreadCount) {
  Parallelism parallel(2);
  int calls = 0;
  for_each_block(parallel, 0, [&](std::size_t, std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(sum_blocks(parallel, 0, [](std::size_t) { return 1.0; }), 0.0);
  EXPECT_THROW(Parallelism(0), Error);
}

}  // namespace
}  // namespace munisim
