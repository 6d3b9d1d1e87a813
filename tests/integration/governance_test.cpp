// Governance in a running town: complaints and soles balance every day, integrated management
// answers faster and leaves less waste on the street than silos with the same money, each mechanism
// acts from its start date on and only along its path, the app needs digital access, a budget binds,
// and results do not depend on the thread count.
#include <gtest/gtest.h>

#include <memory>
#include <numeric>

#include "sim/model/simulation.hpp"
#include "tests/support/governance_plans.hpp"
#include "tests/support/series_sums.hpp"

namespace munisim {
namespace {

// The demo town with one truck too few (rounds are missed) and offices too small for its complaints,
// governance on.
std::vector<std::string> town(std::vector<std::string> more) {
  std::vector<std::string> overrides = {"days=91",
                                        "waste.fleet.trucks=2",
                                        "waste.fleet.breakdown_probability=0.05",
                                        "mobility.enabled=false",
                                        "governance.enabled=true",
                                        "governance.departments.waste.staff=6",
                                        "governance.departments.transport.staff=6",
                                        "governance.departments.citizen_services.staff=2"};
  overrides.insert(overrides.end(), more.begin(), more.end());
  return overrides;
}

Scenario scenario(std::vector<std::string> overrides) {
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", overrides);
}

using testing::day_sum;
using testing::series;

double run_sum(const Simulation& simulation, const std::string& name, int from_day = 0) {
  double total = 0;
  for (int day = from_day; day < simulation.days_run(); ++day) total += day_sum(simulation, name, day);
  return total;
}

double cell_sum(const Simulation& simulation, const std::string& name, std::size_t cell, int from_day = 0) {
  double total = 0;
  for (int day = from_day; day < simulation.days_run(); ++day) total += series(simulation, name).get(day, cell);
  return total;
}

double mean_answer_days(const Simulation& simulation) {
  return run_sum(simulation, "complaints_answer_wait_days") / run_sum(simulation, "complaints_answered");
}

std::unique_ptr<Simulation> ran(std::vector<std::string> overrides, int threads = 2) {
  auto simulation = std::make_unique<Simulation>(scenario(town(std::move(overrides))), threads);
  simulation->run();
  return simulation;
}

TEST(GovernanceBalances, ComplaintsFiledAreAnsweredOpenOrEscalatedEveryDay) {
  const auto simulation_run = ran({"governance.complaints.abandon_after_days=20"});
  const Simulation& simulation = *simulation_run;
  double filed = 0, answered = 0, escalated = 0;
  for (int day = 0; day < simulation.days_run(); ++day) {
    filed += day_sum(simulation, "complaints_filed", day);
    answered += day_sum(simulation, "complaints_answered", day);
    escalated += day_sum(simulation, "complaints_escalated", day);
    const double open = day_sum(simulation, "complaints_open", day);
    EXPECT_NEAR(filed, answered + open + escalated, 1e-6 * (1 + filed)) << "day " << day;
  }
  EXPECT_GT(answered, 0);
  EXPECT_GT(escalated, 0) << "a 20-day limit escalates some complaints";
  EXPECT_NEAR(filed, run_sum(simulation, "complaints_filed_by_group"), 1e-6 * filed);
  EXPECT_NEAR(answered + escalated, run_sum(simulation, "complaints_closed_by_group"), 1e-6 * filed);
}

TEST(GovernanceBalances, CashMovesByRevenuesLessSpendingToTheSol) {
  const auto simulation_run = ran({"governance.model=integrated", "governance.finance.opening_cash_soles=1000000"});
  const Simulation& simulation = *simulation_run;
  double cash = 1000000;
  for (int day = 0; day < simulation.days_run(); ++day) {
    cash += day_sum(simulation, "municipal_revenue_soles", day) - day_sum(simulation, "municipal_spending_soles", day);
    EXPECT_NEAR(series(simulation, "municipal_cash_soles").get(day, 0), cash, 1e-6) << "day " << day;
  }
  // The waste service's running cost is on the books as the service reports it.
  EXPECT_NEAR(cell_sum(simulation, "municipal_spending_soles", 0), run_sum(simulation, "waste_cost_soles"), 1e-6);
}

TEST(ManagementModels, IntegratedAnswersFasterAndLeavesLessWasteOnTheStreetWithTheSameBudget) {
  const auto siloed_run = ran({"governance.model=siloed"});
  const Simulation& siloed = *siloed_run;
  const auto integrated_run = ran({"governance.model=integrated"});
  const Simulation& integrated = *integrated_run;
  EXPECT_EQ(day_sum(siloed, "department_budget_soles", 0), day_sum(integrated, "department_budget_soles", 0));
  EXPECT_LT(mean_answer_days(integrated), 0.7 * mean_answer_days(siloed));
  EXPECT_LT(run_sum(integrated, "waste_street_stock_t"), run_sum(siloed, "waste_street_stock_t"));
  EXPECT_GT(run_sum(integrated, "waste_recovery_visits_ordered"), run_sum(siloed, "waste_recovery_visits_ordered"));
  EXPECT_LT(run_sum(integrated, "complaints_forwarded"), run_sum(siloed, "complaints_forwarded"));
}

// Every series of two runs is identical before `day`.
void expect_same_before(const Simulation& a, const Simulation& b, int day) {
  for (const Series& left : a.metrics().all()) {
    const Series& right = series(b, left.spec().name);
    for (int d = 0; d < day; ++d) {
      const auto x = left.day(d), y = right.day(d);
      ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin())) << left.spec().name << " differs on day " << d;
    }
  }
}

struct MechanismCase {
  const char* kind;
  const char* moved;  // a series its path moves, summed from the start date
  bool up;
};

class Mechanisms : public ::testing::TestWithParam<MechanismCase> {};

TEST_P(Mechanisms, ActFromTheirStartDateAlongTheirPath) {
  const MechanismCase& c = GetParam();
  const auto siloed_run = ran({});
  const Simulation& siloed = *siloed_run;
  const auto with_run = ran({std::string("governance.mechanisms=[{kind: ") + c.kind + ", start_date: 2025-02-01}]"});
  const Simulation& with = *with_run;
  constexpr int kStart = 31;
  expect_same_before(siloed, with, kStart);
  const double before = run_sum(siloed, c.moved, kStart), after = run_sum(with, c.moved, kStart);
  if (c.up) {
    EXPECT_GT(after, before) << c.moved;
  } else {
    EXPECT_LT(after, before) << c.moved;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Governance, Mechanisms,
    ::testing::Values(MechanismCase{"automatic_ticket_routing", "complaints_forwarded", false},
                      MechanismCase{"one_stop_service", "complaints_forwarded", false},
                      MechanismCase{"gps_fleet_tracking", "waste_recovery_visits_ordered", true},
                      MechanismCase{"shared_data_platform", "waste_recovery_visits_ordered", true},
                      MechanismCase{"dashboards", "waste_recovery_visits_ordered", true},
                      MechanismCase{"digital_documents", "complaints_answered", true},
                      MechanismCase{"complaint_app", "complaint_app_adoption_share", true},
                      MechanismCase{"shared_fleet", "waste_trucks_available", true}),
    [](const ::testing::TestParamInfo<MechanismCase>& mechanism) { return std::string(mechanism.param.kind); });

TEST(ComplaintChannels, CitizensWithoutDigitalAccessNeverUseTheAppOrTheWeb) {
  const auto offline_run = ran({"governance.model=integrated", "city.population.digital_access_by_income=[0, 0, 0]"});
  const Simulation& offline = *offline_run;
  const auto online_run = ran({"governance.model=integrated", "city.population.digital_access_by_income=[1, 1, 1]"});
  const Simulation& online = *online_run;
  const std::size_t channels = 5, app = 3, web = 2;
  double offline_digital = 0, online_app = 0;
  for (std::size_t kind = 0; kind < 3; ++kind) {
    offline_digital += cell_sum(offline, "complaints_filed", kind * channels + app) +
                       cell_sum(offline, "complaints_filed", kind * channels + web);
    online_app += cell_sum(online, "complaints_filed", kind * channels + app);
  }
  EXPECT_GT(run_sum(offline, "complaints_filed"), 0);
  EXPECT_EQ(offline_digital, 0);
  EXPECT_GT(online_app, 0);
}

TEST(Budget, ABudgetThatCannotPayRefusesTheWork) {
  const auto broke_run = ran({"governance.model=integrated", "governance.departments.waste.budget_soles_per_yr=0"});
  const Simulation& broke = *broke_run;
  EXPECT_EQ(run_sum(broke, "waste_recovery_visits_ordered"), 0);
  EXPECT_GT(cell_sum(broke, "department_work_refused_soles", 0), 0);
}

using testing::kDearPlan;

TEST(CityPlan, AMeasureItsDepartmentCannotPayIsNotAdoptedAndTheSeriesSaysWhy) {
  const auto alone_run = ran({kDearPlan});
  const Simulation& alone = *alone_run;
  EXPECT_EQ(series(alone, "city_plan_adopted").get(alone.days_run() - 1, 0), 0);
  EXPECT_EQ(run_sum(alone, "city_plan_unaffordable"), 4) << "refused on the first of January to April";
  EXPECT_EQ(run_sum(alone, "waste_truck_electricity_kwh"), 0);
  EXPECT_EQ(cell_sum(alone, "municipal_spending_soles", 4), 0) << "nothing paid for the plan";
}

TEST(CityPlan, JointPlanningPaysItFromThePooledBudgetsAndItStartsTheNextDay) {
  const auto joint_run = ran({kDearPlan, "governance.mechanisms=[{kind: joint_planning, start_date: 2025-01-01}]"});
  const Simulation& joint = *joint_run;
  EXPECT_EQ(series(joint, "city_plan_adopted").get(0, 0), 1);
  EXPECT_EQ(run_sum(joint, "city_plan_unaffordable"), 0);
  EXPECT_EQ(series(joint, "waste_truck_electricity_kwh").get(0, 0), 0) << "adopted on day 0, running from day 1";
  EXPECT_EQ(run_sum(joint, "waste_truck_diesel_l", 1), 0);
  EXPECT_GT(run_sum(joint, "waste_truck_electricity_kwh", 1), 0);
  // Paid once, booked to the waste department.
  const std::size_t plan_item = 4, items = 5;
  EXPECT_EQ(cell_sum(joint, "municipal_spending_soles", 0 * items + plan_item), 2500000);
}

TEST(TransportDepartment, OrdersMoreFrequentServiceWhenTooManyBoardingsAreDenied) {
  const auto ordered_run = ran({"mobility.enabled=true"});
  const auto broke_run = ran({"mobility.enabled=true", "governance.departments.transport.budget_soles_per_yr=0"});
  const Simulation& ordered = *ordered_run;
  const Simulation& broke = *broke_run;
  EXPECT_GT(run_sum(ordered, "transit_frequency_orders"), 0);
  EXPECT_EQ(run_sum(broke, "transit_frequency_orders"), 0);
  EXPECT_GT(cell_sum(broke, "department_work_refused_soles", 1), 0) << "the transport department was refused";
  // The first order is given on 1 February and runs from the 2nd.
  constexpr int kFirstOfFebruary = 31, kSecondOfFebruary = 32;
  for (int day = 0; day < kSecondOfFebruary; ++day) {
    EXPECT_EQ(day_sum(ordered, "transit_denied_boardings", day), day_sum(broke, "transit_denied_boardings", day))
        << "the same travel until the order runs, day " << day;
  }
  EXPECT_EQ(series(ordered, "transit_frequency_orders").get(kFirstOfFebruary, 0), 1);
  EXPECT_LT(run_sum(ordered, "transit_denied_boardings", kSecondOfFebruary),
            run_sum(broke, "transit_denied_boardings", kSecondOfFebruary));
}

TEST(GovernanceDeterminism, SeriesAreIdenticalForOneAndTwoThreads) {
  const auto one_run = ran({"governance.model=integrated", "days=35"}, 1);
  const Simulation& one = *one_run;
  const auto two_run = ran({"governance.model=integrated", "days=35"}, 2);
  const Simulation& two = *two_run;
  expect_same_before(one, two, 35);
}

}  // namespace
}  // namespace munisim
