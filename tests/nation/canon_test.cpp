// Canon passes through as given, or is split by the canon rule among the world's municipalities.
#include <gtest/gtest.h>

#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

TEST(Canon, ReceivedSeriesPassThroughMonthlyWithTheLastRepeating) {
  NationConfig config = config_with({"canon"});
  config.canon.received = {{.ubigeo = "130101", .soles_per_month = {100, 200}}};
  World world(config);
  const std::vector<std::pair<int, double>> expected = {{0, 100}, {1, 0}, {31, 200}, {59, 200}};
  for (const auto& [day, soles] : expected) {
    world.exchange(day);
    EXPECT_EQ(world.soles(0, "canon"), soles) << day;
    EXPECT_EQ(world.soles(1, "canon"), 0) << day;
  }
}

TEST(Canon, ProducedCanonSplitByDistrictProvinceAndDepartmentShares) {
  NationConfig config = config_with({"canon"});
  config.canon.produced = {{.ubigeo = "130201", .soles_per_month = {1000}}};
  World world(config);
  world.exchange(0);
  // Department 13 by population x (1 + poverty): 360000, 130000, 3000 of 493000.
  EXPECT_NEAR(world.soles(0, "canon"), 400 * 360000.0 / 493000, 1e-9);
  EXPECT_NEAR(world.soles(1, "canon"), 400 * 130000.0 / 493000, 1e-9);
  // Ascope: the producing district's 10 %, the whole province's 25 % and its department part.
  EXPECT_NEAR(world.soles(2, "canon"), 100 + 250 + 400 * 3000.0 / 493000, 1e-9);
  // The regional government's 25 % is not the world's.
  EXPECT_NEAR(world.value("nation_budget_credited_soles", 0, 0), 750, 1e-9);
  EXPECT_EQ(world.value("nation_budget_balance_soles", 0, 0), 0);
}

}  // namespace
}  // namespace munisim::nation::test
