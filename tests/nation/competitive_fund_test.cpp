// The competitive fund scores proposals with FONIPREL's weights and funds them in rank order until
// the next no longer fits.
#include <gtest/gtest.h>

#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

NationConfig fund_config() {
  NationConfig config = config_with({"competitive_fund"});
  CompetitiveFundConfig& fund = config.competitive_fund;
  fund.budget_soles_per_call = 1e6;
  fund.call_dates = {"2025-01-10"};
  fund.projects_per_municipality = 2;
  fund.applicants = {{.ubigeo = "130101", .quality = 80, .cofinancing_share = 0.2, .association = true},
                     {.ubigeo = "130102", .quality = 45, .cofinancing_share = 0.9},
                     {.ubigeo = "130201", .quality = 60, .cofinancing_share = 0.5, .border = true}};
  return config;
}

TEST(CompetitiveFund, RankedByFoniprelWeightsAndFundedInOrderUntilSpent) {
  World world(fund_config());
  world.reports[0].budget_execution = 0.8;
  world.reports[0].proposals = {{0, "landfill", "disposal_site", 1e6}, {1, "routes", "route_optimisation", 5e5}};
  world.reports[1].budget_execution = 1.0;
  world.reports[1].proposals = {{0, "compost", "composting_plant", 1e5}};
  world.reports[2].budget_execution = 0.6;
  world.reports[2].proposals = {{0, "buses", "electrification", 2e5}};
  // Trujillo: .5x80 + .15x100x.2 + .15x100 + .05x0 + .10x100x.2 + .05x100x.8 = 64 points.
  // Ascope:   .5x60 + .15x100x.5 + 0 + .05x100 + .10x100x.5 + .05x100x.6 = 50.5 points.
  // El Porvenir's quality of 45 is not eligible. Rank: Trujillo 0 (pays .8 M), Trujillo 1 (.4 M:
  // does not fit in the .2 M left, so the call ends), Ascope (.1 M, not reached).
  for (int day = 0; day < 9; ++day) {
    world.exchange(day);
    EXPECT_EQ(world.soles(0, "competitive_fund"), 0);
  }
  world.exchange(9);
  EXPECT_DOUBLE_EQ(world.soles(0, "competitive_fund"), 0.8e6);
  EXPECT_EQ(world.letters[0].funded_plan_entries, std::vector<std::uint32_t>{0});
  EXPECT_EQ(world.soles(1, "competitive_fund"), 0);
  EXPECT_EQ(world.soles(2, "competitive_fund"), 0);
  EXPECT_NEAR(world.value("nation_budget_balance_soles", 9, 0), 0.2e6, 1e-6);
}

TEST(CompetitiveFund, AHigherScoreIsFundedFirst) {
  NationConfig config = fund_config();
  config.competitive_fund.applicants[0].association = false;  // Trujillo now 49 points
  World world(config);
  world.reports[0].budget_execution = 0.8;
  world.reports[0].proposals = {{0, "landfill", "disposal_site", 1e6}};
  world.reports[2].budget_execution = 0.6;
  world.reports[2].proposals = {{0, "buses", "electrification", 2e5}};
  for (int day = 0; day <= 9; ++day) world.exchange(day);
  // Ascope (50.5) first: .1 M; then Trujillo's .8 M fits in the .9 M left.
  EXPECT_DOUBLE_EQ(world.soles(2, "competitive_fund"), 1e5);
  EXPECT_DOUBLE_EQ(world.soles(0, "competitive_fund"), 0.8e6);
}

TEST(CompetitiveFund, AnEntryAnotherMechanismFundedEarlierIsNotFundedAgain) {
  NationConfig config = fund_config();
  config.mechanisms = {"matching_grants", "competitive_fund"};
  config.matching_grants.budget_soles_per_yr = 1e6;
  World world(config);
  world.reports[2].budget_execution = 0.6;
  world.reports[2].proposals = {{0, "buses", "electrification", 2e5}};
  world.exchange(0);
  EXPECT_DOUBLE_EQ(world.soles(2, "matching_grants"), 1e5);
  // Still proposed (its share not paid yet) on the call day: the fund passes it by.
  for (int day = 1; day <= 9; ++day) world.exchange(day);
  EXPECT_EQ(world.soles(2, "competitive_fund"), 0);
  EXPECT_TRUE(world.letters[2].funded_plan_entries.empty());
}

TEST(CompetitiveFund, ApplicantNotInTheWorldIsAnInputError) {
  NationConfig config = fund_config();
  config.competitive_fund.applicants[1].ubigeo = "999999";
  try {
    World world(config);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.key_path(), "nation.competitive_fund.applicants[1].ubigeo");
    EXPECT_NE(std::string(error.what()).find("999999"), std::string::npos);
  }
}

}  // namespace
}  // namespace munisim::nation::test
