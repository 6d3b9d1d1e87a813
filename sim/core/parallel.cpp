#include "sim/core/parallel.hpp"

#include "sim/core/error.hpp"

namespace munisim {
namespace {

int at_least_one(int threads) {
  if (threads < 1) throw Error("thread count must be at least 1, got " + std::to_string(threads));
  return threads;
}

}  // namespace

Parallelism::Parallelism(int threads) : threads_(at_least_one(threads)), arena_(threads_) {}

}  // namespace munisim
