// Deterministic parallel loops and reductions: work is cut into fixed blocks whose boundaries never
// depend on the thread count, and partial results are combined in block order, so floating-point
// results are bit-identical for 1, 2 or 64 threads.
#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace munisim {

inline constexpr std::size_t kBlockSize = 4096;

[[nodiscard]] constexpr std::size_t block_count(std::size_t n) { return (n + kBlockSize - 1) / kBlockSize; }

// A bounded pool of worker threads (a oneTBB arena), owned by a run.
class Parallelism {
 public:
  explicit Parallelism(int threads);
  [[nodiscard]] int threads() const noexcept { return threads_; }

  template <class F>
  void execute(F&& work) {
    arena_.execute(std::forward<F>(work));
  }

 private:
  int threads_;
  tbb::task_arena arena_;
};

// Calls fn(begin, end, chunk_index) once for every chunk of `chunk` items of [0, n).
template <class F>
void for_each_chunk(Parallelism& parallel, std::size_t n, std::size_t chunk, F&& fn) {
  const std::size_t chunks = (n + chunk - 1) / chunk;
  auto run_chunks = [&](std::size_t first, std::size_t last) {
    for (std::size_t index = first; index < last; ++index) {
      const std::size_t begin = index * chunk;
      fn(begin, std::min(n, begin + chunk), index);
    }
  };
  if (parallel.threads() == 1 || chunks <= 1) {
    run_chunks(0, chunks);
    return;
  }
  parallel.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, chunks, 1),
        [&](const tbb::blocked_range<std::size_t>& range) { run_chunks(range.begin(), range.end()); },
        tbb::simple_partitioner());
  });
}

// Calls fn(begin, end, block_index) once for every block of [0, n).
template <class F>
void for_each_block(Parallelism& parallel, std::size_t n, F&& fn) {
  for_each_chunk(parallel, n, kBlockSize, std::forward<F>(fn));
}

// One partial per chunk from chunk_fn(begin, end), combined left to right: combine(acc, partial).
// Larger chunks suit large partials (fewer of them in memory at once).
template <class T, class ChunkFn, class Combine>
T reduce_chunks(Parallelism& parallel, std::size_t n, std::size_t chunk, T identity, ChunkFn chunk_fn,
                Combine combine) {
  std::vector<std::optional<T>> partials((n + chunk - 1) / chunk);  // filled by the chunks, not copied first
  for_each_chunk(parallel, n, chunk, [&](std::size_t begin, std::size_t end, std::size_t index) {
    partials[index].emplace(chunk_fn(begin, end));
  });
  T result = std::move(identity);
  for (const std::optional<T>& partial : partials) result = combine(std::move(result), *partial);
  return result;
}

template <class T, class BlockFn, class Combine>
T reduce_blocks(Parallelism& parallel, std::size_t n, T identity, BlockFn block_fn, Combine combine) {
  return reduce_chunks(parallel, n, kBlockSize, std::move(identity), std::move(block_fn), std::move(combine));
}

// Sum of term(i) over [0, n), identical for any thread count.
template <class Term>
double sum_blocks(Parallelism& parallel, std::size_t n, Term term) {
  return reduce_blocks(
      parallel, n, 0.0,
      [&](std::size_t begin, std::size_t end) {
        double sum = 0;
        for (std::size_t i = begin; i < end; ++i) sum += term(i);
        return sum;
      },
      [](double a, double b) { return a + b; });
}

}  // namespace munisim
