// Soles are conserved: every day the nation's payments by mechanism equal the sum of what the
// letters carry, and each mechanism's budget moves by what it received less what it paid.
#include <gtest/gtest.h>

#include <numeric>

#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

TEST(NationConservation, PaymentsEqualReceiptsAndBudgetsBalanceEveryDay) {
  NationConfig config = config_with(
      {"formula_transfers", "performance_incentives", "matching_grants", "competitive_fund", "canon"});
  config.formula_transfers.fund_soles_per_yr = 30e6;
  config.performance_incentives.goals[0].deadline = {2025, 2, 15};
  config.performance_incentives.goals[1].deadline = {2025, 3, 1};
  config.matching_grants.budget_soles_per_yr = 2e6;
  config.competitive_fund.call_dates = {"2025-02-01", "2025-04-01"};
  config.competitive_fund.kinds = {"route_optimisation"};
  config.canon.received = {{.ubigeo = "130102", .soles_per_month = {5e5, 7e5}}};
  config.canon.produced = {{.ubigeo = "130201", .soles_per_month = {2e6}}};
  const int days = 120;
  World world(config, days);
  for (int day = 0; day < days; ++day) {
    for (std::size_t i = 0; i < 3; ++i) {
      MunicipalityReport& report = world.reports[i];
      report.separation_coverage = 0.05 * static_cast<double>(i + 1) + 0.001 * day;
      report.complaint_response_days = 15 - 0.1 * day;
      report.budget_execution = 0.5 + 0.1 * static_cast<double>(i);
      report.proposals = {{static_cast<std::uint32_t>(day % 7), "e-trucks", "electric_share", 3e5 + 1e4 * day},
                          {7, "routes", "route_optimisation", 2e5}};
    }
    world.exchange(day);
    const Series& transfers = *world.series.find("nation_transfers_soles");
    const Series& credited = *world.series.find("nation_budget_credited_soles");
    const Series& balance = *world.series.find("nation_budget_balance_soles");
    double letters_total = 0, paid_total = 0;
    for (const Letter& letter : world.letters) {
      letters_total = std::accumulate(letter.soles_by_mechanism.begin(), letter.soles_by_mechanism.end(), letters_total);
    }
    for (std::size_t k = 0; k < config.mechanisms.size(); ++k) {
      double paid = 0;
      for (std::size_t i = 0; i < 3; ++i) {
        paid += transfers.get(day, k * 3 + i);
        EXPECT_NEAR(transfers.get(day, k * 3 + i), world.soles(i, config.mechanisms[k]), 1e-9);
      }
      paid_total += paid;
      const double before = day == 0 ? 0.0 : balance.get(day - 1, k);
      EXPECT_NEAR(balance.get(day, k), before + credited.get(day, k) - paid, 1e-6) << config.mechanisms[k];
      EXPECT_GE(balance.get(day, k), -1e-6) << config.mechanisms[k] << " day " << day;
    }
    EXPECT_NEAR(letters_total, paid_total, 1e-6) << day;
  }
  // Every mechanism paid something over the run.
  const Series& transfers = *world.series.find("nation_transfers_soles");
  for (std::size_t k = 0; k < config.mechanisms.size(); ++k) {
    double total = 0;
    for (int day = 0; day < days; ++day) {
      for (std::size_t i = 0; i < 3; ++i) total += transfers.get(day, k * 3 + i);
    }
    EXPECT_GT(total, 0) << config.mechanisms[k];
  }
}

}  // namespace
}  // namespace munisim::nation::test
