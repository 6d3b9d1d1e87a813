#include "sim/governance/finance.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

GovernanceConfig config_with_waste_budget(double soles) {
  GovernanceConfig config;
  config.departments.waste.budget_soles_per_yr = soles;
  config.finance.opening_cash_soles = 1000;
  return config;
}

TEST(Ledger, CashChangesByRevenuesLessSpending) {
  Ledger ledger(config_with_waste_budget(100));
  DayBooks day;
  day.revenue_soles = {10, 20, 300};
  day.spending_soles[kWasteDept][kServiceRunning] = 50;
  day.spending_soles[kItDept][kStaff] = 5;
  ledger.book(day);
  EXPECT_DOUBLE_EQ(ledger.cash_soles(), 1000 + 330 - 55);
}

TEST(Ledger, BindingBudgetRefusesWorkItCannotPay) {
  Ledger ledger(config_with_waste_budget(100));
  EXPECT_TRUE(ledger.reserve(kWasteDept, 60));
  EXPECT_FALSE(ledger.reserve(kWasteDept, 60));
  EXPECT_DOUBLE_EQ(ledger.budget_left(kWasteDept), 40);
  DayBooks day;
  day.spending_soles[kWasteDept][kStaff] = 30;  // staff count against the appropriation
  ledger.book(day);
  EXPECT_DOUBLE_EQ(ledger.budget_left(kWasteDept), 10);
}

TEST(Ledger, NewYearGrantsRequestsScaledToWhatRevenuesLeave) {
  GovernanceConfig config = config_with_waste_budget(100);
  Ledger ledger(config);
  ASSERT_TRUE(ledger.reserve(kWasteDept, 80));
  EXPECT_FALSE(ledger.reserve(kWasteDept, 40));  // refused work counts in next year's request
  DayBooks day;
  day.revenue_soles[kWasteFee] = 1000;
  day.spending_soles[kWasteDept][kServiceRunning] = 940;
  ledger.book(day);
  ledger.start_year();
  // Requests: waste 80 + 40 = 120, others nothing; revenues left 60 after running costs.
  EXPECT_DOUBLE_EQ(ledger.appropriation()[kWasteDept], 60);
  EXPECT_DOUBLE_EQ(ledger.budget_left(kWasteDept), 60);
}

TEST(Ledger, PooledBudgetsPayWhatOneDepartmentCannot) {
  GovernanceConfig config = config_with_waste_budget(100);
  config.departments.environment.budget_soles_per_yr = 300;
  Ledger ledger(config);
  const double everyone = ledger.budget_left(kWasteDept) + ledger.budget_left(kTransportDept) +
                          ledger.budget_left(kEnvironmentDept) + ledger.budget_left(kCitizenDept) +
                          ledger.budget_left(kFinanceDept) + ledger.budget_left(kItDept);
  EXPECT_FALSE(ledger.reserve(kWasteDept, 250));
  ASSERT_TRUE(ledger.reserve_pooled(kWasteDept, 250));
  EXPECT_DOUBLE_EQ(ledger.budget_left(kWasteDept), 0);  // the proposer pays first
  EXPECT_NEAR(ledger.budget_left(kWasteDept) + ledger.budget_left(kTransportDept) +
                  ledger.budget_left(kEnvironmentDept) + ledger.budget_left(kCitizenDept) +
                  ledger.budget_left(kFinanceDept) + ledger.budget_left(kItDept),
              everyone - 250, 1e-9);
  EXPECT_FALSE(ledger.reserve_pooled(kWasteDept, everyone));
}

}  // namespace
}  // namespace munisim
