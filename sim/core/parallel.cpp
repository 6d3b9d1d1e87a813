#include "sim/core/parallel.hpp"

#include "sim/core/error.hpp"

namespace munisim {

Parallelism::Parallelism(int threads) : threads_(threads), arena_(threads) {
  if (threads < 1) throw Error("thread count must be at least 1, got " + std::to_string(threads));
}

}  // namespace munisim
