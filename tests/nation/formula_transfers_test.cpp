// FONCOMUN-like transfers on three municipalities, computed by hand (docs/nation.md).
#include <gtest/gtest.h>

#include "sim/nation/formula_index.hpp"
#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

// Two stages with poverty weight 1, rural weight 2, provincial share 0.2:
// provinces 1301: 300000 x 1.2 + 100000 x 1.3 = 490000; 1302: 2000 x 1.5 = 3000 (of 493000).
// In 1301 Trujillo takes 20 % off the top, then urban + 2 x rural: 300000 and 100000 x 1.1 = 110000.
double trujillo_index() { return (0.2 + 0.8 * 300000.0 / 410000.0) * 490000.0 / 493000.0; }
double el_porvenir_index() { return 0.8 * 110000.0 / 410000.0 * 490000.0 / 493000.0; }
double ascope_index() { return 3000.0 / 493000.0; }

TEST(FormulaIndex, TwoStagesByProvinceThenRurality) {
  const auto profiles = three_municipalities();
  const std::vector<double> index = formula_index(FormulaTransfersConfig{}, profiles);
  ASSERT_EQ(index.size(), 3u);
  EXPECT_NEAR(index[0], trujillo_index(), 1e-15);
  EXPECT_NEAR(index[1], el_porvenir_index(), 1e-15);
  EXPECT_NEAR(index[2], ascope_index(), 1e-15);
}

TEST(FormulaIndex, OneStageMultipliesPovertyAndRuralityWeights) {
  FormulaTransfersConfig config;
  config.two_stage = false;
  const auto profiles = three_municipalities();
  const std::vector<double> index = formula_index(config, profiles);
  const double a = 300000 * 1.2 * 1.0, b = 100000 * 1.3 * 1.1, c = 2000 * 1.5 * 1.8;
  EXPECT_NEAR(index[0], a / (a + b + c), 1e-15);
  EXPECT_NEAR(index[1], b / (a + b + c), 1e-15);
  EXPECT_NEAR(index[2], c / (a + b + c), 1e-15);
}

TEST(SplitWithFloor, FloorBindsAndTheRestIsSplitByShares) {
  const std::vector<double> shares = {0.6, 0.39, 0.01};
  const std::vector<double> paid = split_with_floor(1000, shares, 50);
  EXPECT_DOUBLE_EQ(paid[2], 50);
  EXPECT_DOUBLE_EQ(paid[0], 950 * 0.6 / 0.99);
  EXPECT_DOUBLE_EQ(paid[1], 950 * 0.39 / 0.99);
}

TEST(SplitWithFloor, EqualPartsWhenTheAmountCannotPayEveryFloor) {
  const std::vector<double> shares = {0.9, 0.1};
  EXPECT_EQ(split_with_floor(90, shares, 50), (std::vector<double>{45, 45}));
}

TEST(FormulaTransfers, MonthlyByIndexWithTheFloorBindingForTheSmallDistrict) {
  NationConfig config = config_with({"formula_transfers"});
  config.formula_transfers.fund_soles_per_yr = 12e6;  // 1 M soles a month
  World world(config);
  const double floor = 8 * 5350.0;  // 8 UIT of S/ 5,350
  ASSERT_LT(ascope_index() * 1e6, floor);
  const double rest = 1e6 - floor;
  const double a = trujillo_index(), b = el_porvenir_index();
  for (int day : {0, 31}) {  // 1 January, 1 February
    world.exchange(day);
    EXPECT_NEAR(world.soles(0, "formula_transfers"), rest * a / (a + b), 1e-6) << day;
    EXPECT_NEAR(world.soles(1, "formula_transfers"), rest * b / (a + b), 1e-6) << day;
    EXPECT_DOUBLE_EQ(world.soles(2, "formula_transfers"), floor) << day;
    EXPECT_NEAR(world.value("nation_transfers_soles", day, 2), floor, 1e-9);
  }
  world.exchange(1);
  for (const Letter& letter : world.letters) EXPECT_TRUE(letter.soles_by_mechanism.empty());
}

TEST(FormulaTransfers, FundPerPersonWhenNoTotalIsGiven) {
  NationConfig config = config_with({"formula_transfers"});
  config.formula_transfers.fund_soles_per_person_yr = 120;
  config.formula_transfers.floor_uit_per_month = 0;
  World world(config);
  world.exchange(0);
  double paid = 0;
  for (std::size_t i = 0; i < 3; ++i) paid += world.soles(i, "formula_transfers");
  EXPECT_NEAR(paid, 402000 * 120 / 12.0, 1e-6);
}

}  // namespace
}  // namespace munisim::nation::test
