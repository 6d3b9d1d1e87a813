#include "sim/core/error.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

TEST(InputError, MessageNamesPlaceKeyAndProblem) {
  const InputError full({"a.yaml", 42, 7}, "waste.fleet.electric_share", "1.4 is not in [0, 1]");
  EXPECT_STREQ(full.what(), "a.yaml:42:7: waste.fleet.electric_share: 1.4 is not in [0, 1]");
  EXPECT_EQ(full.where().line, 42);
  EXPECT_EQ(full.key_path(), "waste.fleet.electric_share");
  EXPECT_STREQ(InputError({"--set", 0, 0}, "days", "expected an integer").what(), "--set: days: expected an integer");
  EXPECT_STREQ(InputError("plain problem").what(), "plain problem");
  EXPECT_EQ((SourceLocation{"f", 3, 0}).to_string(), "f:3");
}

TEST(Errors, InputErrorIsAnError) {
  EXPECT_THROW(throw InputError("x"), Error);
  EXPECT_THROW(throw Interrupted(), Error);
}

}  // namespace
}  // namespace munisim
