// What a fuzz target checks of each input: a broken expectation prints what failed and aborts, so
// libFuzzer saves the input as a reproducer and the replay test fails.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace munisim::fuzz {

inline void expect(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz expectation failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace munisim::fuzz
