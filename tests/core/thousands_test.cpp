#include "sim/core/thousands.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

TEST(WithThousandsSeparators, GroupsOnlyTheIntegerDigits) {
  EXPECT_EQ(with_thousands_separators("0"), "0");
  EXPECT_EQ(with_thousands_separators("999"), "999");
  EXPECT_EQ(with_thousands_separators("1000"), "1,000");
  EXPECT_EQ(with_thousands_separators("1234567"), "1,234,567");
  EXPECT_EQ(with_thousands_separators("123456.7891"), "123,456.7891");
  EXPECT_EQ(with_thousands_separators("0.000123"), "0.000123");
}

}  // namespace
}  // namespace munisim
