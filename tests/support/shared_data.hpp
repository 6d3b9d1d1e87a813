// Where tests find the public data (../shared/data next to the checkout), and how a test that
// needs it skips with a clear message where it is absent (CI runs them where it is present).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

namespace munisim::testing {

inline const std::filesystem::path kSharedData = std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data";

}  // namespace munisim::testing

// Skips the current test unless ../shared/data/<folder> exists.
#define REQUIRE_SHARED_DATA(folder)                                                \
  if (!std::filesystem::exists(::munisim::testing::kSharedData / (folder))) {      \
    GTEST_SKIP() << "no " << (folder) << " in " << ::munisim::testing::kSharedData \
                 << " (the shared data is not next to this checkout)";             \
  }
