#include "sim/governance/scorecard.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

TEST(Scorecard, PillarsFollowTheirFormulas) {
  MonthFigures month;
  month.set_out_t = 100;
  month.collected_t = 80;
  month.service_cost_soles = 80 * 300;  // twice the reference cost per tonne
  month.answered = 40;
  month.answered_in_time = 30;
  month.escalated = 10;
  month.satisfaction = 0.4;
  month.trust = 0.2;
  month.emitted_tco2e = 75;
  month.avoided_tco2e = 25;
  month.satisfaction_by_gender = {0.35, 0.45};  // women 0.1 less satisfied
  month.answered_in_time_by_gender = {15, 15};
  month.closed_by_gender = {25, 25};
  const ScorecardConfig scales{.reference_cost_soles_per_t = 150, .gap_scale = 0.2};
  const auto points = score_month(month, scales, {});
  EXPECT_DOUBLE_EQ(points[0], 50 * 0.8 + 50 * 0.5);
  EXPECT_DOUBLE_EQ(points[1], 100 * (30.0 / 50 + 0.4 + 0.2) / 3);
  EXPECT_DOUBLE_EQ(points[2], 25);
  EXPECT_NEAR(points[3], 50 * 0.5 + 50 * 1.0, 1e-12);
}

TEST(Scorecard, APillarWithNothingToJudgeKeepsItsLastPoints) {
  const auto points = score_month(MonthFigures{}, ScorecardConfig{}, {11, 22, 33, 44});
  EXPECT_EQ(points, (std::array<double, kPillars>{11, 22, 33, 44}));
}

}  // namespace
}  // namespace munisim
