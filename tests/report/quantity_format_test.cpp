// Numbers and units as the report prints them (sim/report/quantity_format.hpp).
#include "sim/report/quantity_format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace munisim {
namespace {

TEST(FormatNumber, ThousandsSeparatorsAndDecimalsBySize) {
  EXPECT_EQ(format_number(1502130000.4), "1,502,130,000");
  EXPECT_EQ(format_number(1234567.8), "1,234,568");
  EXPECT_EQ(format_number(1000), "1,000");
  EXPECT_EQ(format_number(999.94), "999.9");
  EXPECT_EQ(format_number(123.45), "123.5");
  EXPECT_EQ(format_number(12.345), "12.35");  // 12.345 is stored just above .345
  EXPECT_EQ(format_number(1.2), "1.20");
  EXPECT_EQ(format_number(0.5), "0.500");
  EXPECT_EQ(format_number(0.012345), "0.0123");
  EXPECT_EQ(format_number(0), "0");
}

TEST(FormatNumber, NegativesTakeAMinusSignAndNoExponentEver) {
  EXPECT_EQ(format_number(-4321.4), "\u22124,321");
  EXPECT_EQ(format_number(-0.25), "\u22120.250");
  EXPECT_EQ(format_number(1e15), "1,000,000,000,000,000");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "n/a");
}

TEST(FormatQuantity, UnitsAsACityTeamReadsThem) {
  EXPECT_EQ(format_quantity(1234.4, "t"), "1,234 t");
  EXPECT_EQ(format_quantity(0.6245, "1"), "62.5 %");
  EXPECT_EQ(format_quantity(0.0276, "1"), "2.76 %");
  EXPECT_EQ(format_quantity(0, "1"), "0 %");
  EXPECT_EQ(format_quantity(1502130.2, "soles"), "S/ 1,502,130");
  EXPECT_EQ(format_quantity(12.3, "tco2e"), "12.30 tCO2e");
  EXPECT_EQ(format_quantity(12.3, "days"), "12.30 days");
  EXPECT_EQ(format_quantity(5, ""), "5.00");
}

TEST(FormatDifference, SignedAndSharesInPercentagePoints) {
  EXPECT_EQ(format_difference(720.4, "t"), "+720.4 t");
  EXPECT_EQ(format_difference(-6, "visits"), "\u22126.00 visits");
  EXPECT_EQ(format_difference(0, "t"), "0 t");
  EXPECT_EQ(format_difference(0.0019, "1"), "+0.19 pp");
  EXPECT_EQ(format_difference(-0.125, "1"), "\u221212.5 pp");
  EXPECT_EQ(format_difference(0, "1"), "0 pp");
  EXPECT_EQ(format_difference(-432, "soles"), "S/ \u2212432.0");
}

TEST(FormatRelativeChange, PerCentOfTheBaseline) {
  EXPECT_EQ(format_relative_change(110, 100), "+10.0 %");
  EXPECT_EQ(format_relative_change(-110, -100), "\u221210.0 %");  // against the baseline's size
  EXPECT_EQ(format_relative_change(100, 100), "0 %");
  EXPECT_EQ(format_relative_change(3, 0), "n/a");
}

TEST(DisplayUnit, SharesArePercentAndCarbonIsSpelledOut) {
  EXPECT_EQ(display_unit("1"), "%");
  EXPECT_EQ(display_unit("tco2e"), "tCO2e");
  EXPECT_EQ(display_unit("km/h"), "km/h");
}

}  // namespace
}  // namespace munisim
