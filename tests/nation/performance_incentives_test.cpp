// The Programa de Incentivos pays exactly the municipalities that attained their type's goals, on
// the deadline, weight x envelope x formula index each.
#include <gtest/gtest.h>

#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

NationConfig incentives_config() {
  NationConfig config = config_with({"performance_incentives"});
  config.formula_transfers.two_stage = false;  // the index is then the population share
  config.formula_transfers.poverty_weight = 0;
  config.formula_transfers.rural_weight = 1;
  config.performance_incentives.envelope_soles_per_yr = 4.02e6;
  config.performance_incentives.goals = {
      {.name = "separation", .indicator = "separation_coverage", .types = {"A", "D"}, .target = 0.1,
       .deadline = {2025, 1, 5}, .weight = 0.5},
      {.name = "response", .indicator = "complaint_response_days", .target = 10, .at_most = true,
       .deadline = {2025, 1, 5}, .weight = 0.5},
  };
  return config;
}

TEST(PerformanceIncentives, PayOnlyVerifiedGoalsOfTheMunicipalityType) {
  World world(incentives_config(), 400);
  const auto report = [&](std::size_t i, double separation, double response_days) {
    world.reports[i].separation_coverage = separation;
    world.reports[i].complaint_response_days = response_days;
  };
  report(0, 0.2, 12);   // A: separation only
  report(1, 0.05, 5);   // D: response only
  report(2, 0.5, 20);   // G: no separation goal, late
  for (int day = 0; day < 4; ++day) {
    world.exchange(day);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(world.soles(i, "performance_incentives"), 0) << day;
  }
  world.exchange(4);  // 5 January, the deadline
  // Maximum = envelope x population share: 4.02 M x 300000/402000 = 3 M; 4.02 M x 100000/402000 = 1 M.
  EXPECT_NEAR(world.soles(0, "performance_incentives"), 0.5 * 3e6, 1e-6);
  EXPECT_NEAR(world.soles(1, "performance_incentives"), 0.5 * 1e6, 1e-6);
  EXPECT_EQ(world.soles(2, "performance_incentives"), 0);
  const Series& attained = *world.series.find("nation_goal_attained");
  EXPECT_EQ(attained.day(4)[0 * 3 + 0], 1);  // separation: Trujillo
  EXPECT_EQ(attained.day(4)[0 * 3 + 1], 0);
  EXPECT_EQ(attained.day(4)[0 * 3 + 2], 0);  // not its type
  EXPECT_EQ(attained.day(4)[1 * 3 + 0], 0);  // response
  EXPECT_EQ(attained.day(4)[1 * 3 + 1], 1);
  EXPECT_EQ(attained.day(4)[1 * 3 + 2], 0);
  // The rest of the envelope stays with the nation.
  EXPECT_NEAR(world.value("nation_budget_balance_soles", 4, 0), 4.02e6 - 2e6, 1e-6);
  // Verified again on the same day the next year, after a new envelope.
  for (int day = 5; day < 370; ++day) world.exchange(day);
  EXPECT_NEAR(world.value("nation_budget_credited_soles", 365, 0), 4.02e6, 1e-6);
  EXPECT_NEAR(world.soles(0, "performance_incentives"), 0.5 * 3e6, 1e-6);  // day 369 = 2026-01-05
}

}  // namespace
}  // namespace munisim::nation::test
