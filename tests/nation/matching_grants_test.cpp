// Matching grants pay their share of climate investments until the budget is spent.
#include <gtest/gtest.h>

#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

TEST(MatchingGrants, ShareOfEligibleProposalsUntilTheBudgetIsSpent) {
  NationConfig config = config_with({"matching_grants"});
  config.matching_grants.budget_soles_per_yr = 1e6;
  config.matching_grants.share = 0.5;
  World world(config);
  world.reports[0].proposals = {{0, "electric trucks", "electric_share", 800000},
                                {1, "routes", "route_optimisation", 10000}};
  world.reports[1].proposals = {{2, "compost plant", "composting_plant", 900000}};
  world.reports[2].proposals = {{0, "electric buses", "electrification", 400000}};
  world.exchange(0);
  EXPECT_DOUBLE_EQ(world.soles(0, "matching_grants"), 400000);
  EXPECT_EQ(world.letters[0].funded_plan_entries, std::vector<std::uint32_t>{0});
  EXPECT_DOUBLE_EQ(world.soles(1, "matching_grants"), 450000);
  EXPECT_EQ(world.letters[1].funded_plan_entries, std::vector<std::uint32_t>{2});
  // 150,000 left cannot pay half of 400,000.
  EXPECT_EQ(world.soles(2, "matching_grants"), 0);
  EXPECT_TRUE(world.letters[2].funded_plan_entries.empty());
  EXPECT_DOUBLE_EQ(world.value("nation_budget_balance_soles", 0, 0), 150000);
  // A funded proposal is not funded twice; the waiting one still does not fit.
  world.exchange(1);
  for (const Letter& letter : world.letters) EXPECT_TRUE(letter.funded_plan_entries.empty());
  // A smaller one does.
  world.reports[2].proposals.push_back({1, "electric trucks", "electric_share", 300000});
  world.exchange(2);
  EXPECT_EQ(world.letters[2].funded_plan_entries, std::vector<std::uint32_t>{1});
  EXPECT_DOUBLE_EQ(world.soles(2, "matching_grants"), 150000);
  EXPECT_DOUBLE_EQ(world.value("nation_budget_balance_soles", 2, 0), 0);
}

}  // namespace
}  // namespace munisim::nation::test
