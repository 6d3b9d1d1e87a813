// Deterministic parallel loops and reductions: work is cut into fixed blocks whose boundaries never
// depend on the thread count, and partial results are combined in block order, so floating-point
// results are bit-identical for 1, 2 or 64 threads and for either loop backend.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace munisim {

inline constexpr std::size_t kBlockSize = 4096;

[[nodiscard]] constexpr std::size_t block_count(std::size_t n) { return (n + kBlockSize - 1) / kBlockSize; }

// Who runs the chunks of a parallel loop. Either gives the same chunks, so the same results.
enum class LoopBackend {
  tbb,      // a oneTBB arena: the default
  threads,  // plain std::threads taking chunks in turn: seen through by ThreadSanitizer
};

// The backend chosen at build time (CMake option MUNISIM_PARALLEL_BACKEND).
[[nodiscard]] LoopBackend default_loop_backend() noexcept;
// Whether this build has `backend` (the threads backend always; oneTBB unless built without it).
[[nodiscard]] bool loop_backend_available(LoopBackend backend) noexcept;

// Runs run_chunks(first, last) over disjoint ranges covering [0, chunks), concurrently.
class LoopRunner {
 public:
  struct ChunkRanges {
    void (*call)(void* context, std::size_t first, std::size_t last);
    void* context;
  };
  struct Task {
    void (*call)(void* context);
    void* context;
  };
  virtual ~LoopRunner() = default;
  virtual void run(std::size_t chunks, ChunkRanges run_chunks) = 0;
  // Runs both tasks at once; the parallel loops inside them share the threads. The tasks do not
  // throw: Parallelism::run_both catches their errors and rethrows them in a fixed order.
  virtual void run_both(Task first, Task second) = 0;
};

// A bounded pool of workers, owned by a run.
class Parallelism {
 public:
  explicit Parallelism(int threads, LoopBackend backend = default_loop_backend());
  ~Parallelism();
  Parallelism(const Parallelism&) = delete;
  Parallelism& operator=(const Parallelism&) = delete;

  [[nodiscard]] int threads() const noexcept { return threads_; }
  [[nodiscard]] LoopBackend backend() const noexcept { return backend_; }

  // Calls run_chunks(first, last) over ranges covering [0, chunks), on this pool's threads.
  template <class F>
  void run_chunk_ranges(std::size_t chunks, F& run_chunks) {
    runner_->run(chunks, {[](void* context, std::size_t first, std::size_t last) {
                            (*static_cast<F*>(context))(first, last);
                          },
                          &run_chunks});
  }

  // Calls first() and second() at the same time, and returns when both are done. A thread that
  // finishes its own work, or waits at the end of a loop, takes chunks of the other's loops, so
  // the serial stretches of one fill with the other's work. With one thread: first, then second.
  // When both throw, first's exception is the one rethrown, as it would be on one thread, so a
  // run with two bad inputs names the same one at any thread count.
  template <class F, class G>
  void run_both(F& first, G& second) {
    if (threads_ == 1) {
      first();
      second();
      return;
    }
    std::exception_ptr first_error, second_error;
    auto guarded_first = [&] { capture_error(first, first_error); };
    auto guarded_second = [&] { capture_error(second, second_error); };
    runner_->run_both({[](void* context) { (*static_cast<decltype(guarded_first)*>(context))(); }, &guarded_first},
                      {[](void* context) { (*static_cast<decltype(guarded_second)*>(context))(); }, &guarded_second});
    if (first_error) std::rethrow_exception(first_error);
    if (second_error) std::rethrow_exception(second_error);
  }

 private:
  template <class F>
  static void capture_error(F& task, std::exception_ptr& error) noexcept {
    try {
      task();
    } catch (...) {
      error = std::current_exception();
    }
  }

  int threads_;
  LoopBackend backend_;
  std::unique_ptr<LoopRunner> runner_;
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
  parallel.run_chunk_ranges(chunks, run_chunks);
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
