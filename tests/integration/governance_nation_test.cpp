// Governance's side of the exchange with the nation, on the demo town with a test system standing in
// for the world: it reads each day's report and writes the letter governance reads the next day.
// Soles received are booked as national transfers the next day and the books balance to the sol; a
// co-financed plan measure is adopted with the department paying only the municipality's share; a
// practice brought by the learning network is in force from the day the letter is read.
#include <gtest/gtest.h>

#include <map>
#include <numeric>

#include "sim/city/census.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/governance/finance.hpp"
#include "sim/governance/governance_service.hpp"
#include "sim/mobility/mobility_service.hpp"
#include "sim/model/real_city.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/waste/register_waste.hpp"
#include "tests/support/governance_plans.hpp"

namespace munisim {
namespace {

constexpr int kDays = 20;
using testing::kDearPlan;

// The demo town with governance and a stand-in for the world's day loop.
class Town {
 public:
  Town(std::vector<std::string> overrides, std::map<int, nation::Letter> letters_after_day)
      : scenario_(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", with_town(overrides))),
        parallel_(1),
        calendar_(scenario_.config.start_date),
        city_(build_city(scenario_, static_cast<std::uint64_t>(scenario_.config.seed), parallel_).city),
        metrics_(kDays),
        scheduler_(calendar_),
        letters_(std::move(letters_after_day)) {
    Registration registration{scheduler_, metrics_, scheduler_.channels(), parallel_,
                              static_cast<std::uint64_t>(scenario_.config.seed)};
    register_census(registration, city_);
    register_waste(registration, city_, scenario_.config.waste, scenario_.config.climate);
    register_mobility(registration, city_, scenario_.config.mobility, scenario_.config.city.transit,
                      scenario_.config.climate);
    register_governance(registration, city_, scenario_.config.governance, false);
    auto report = scheduler_.channels().read<nation::MunicipalityReport>(nation::kReportChannel, "test.world",
                                                                         Timing::same_day);
    auto letter = scheduler_.channels().publish<nation::Letter>(nation::kLetterChannel, "test.world");
    scheduler_.add("test.world", Cycle::daily(), [this, report, letter](const StepContext& step) mutable {
      reports_.push_back(*report);
      const auto found = letters_.find(step.day);
      letter.set(found == letters_.end() ? nation::Letter{} : found->second);
    });
    scheduler_.seal();
    for (int day = 0; day < kDays; ++day) scheduler_.run_day(day, parallel_, static_cast<std::uint64_t>(scenario_.config.seed));
  }

  [[nodiscard]] const Series& series(const std::string& name) const { return *metrics_.find(name); }
  [[nodiscard]] double day_sum(const std::string& name, int day) const {
    const auto values = series(name).day(day);
    return std::accumulate(values.begin(), values.end(), 0.0);
  }
  [[nodiscard]] const std::vector<nation::MunicipalityReport>& reports() const { return reports_; }

 private:
  static std::vector<std::string> with_town(std::vector<std::string> more) {
    std::vector<std::string> overrides = {"days=" + std::to_string(kDays), "mobility.enabled=false",
                                          "governance.enabled=true"};
    overrides.insert(overrides.end(), more.begin(), more.end());
    return overrides;
  }

  Scenario scenario_;
  Parallelism parallel_;
  Calendar calendar_;
  City city_;
  MetricsRegistry metrics_;
  Scheduler scheduler_;
  std::map<int, nation::Letter> letters_;
  std::vector<nation::MunicipalityReport> reports_;
};

nation::Letter soles(std::vector<double> by_mechanism) {
  nation::Letter letter;
  letter.soles_by_mechanism = std::move(by_mechanism);
  return letter;
}

TEST(GovernanceNation, LetterSolesAreNationalTransfersTheNextDayAndTheBooksBalance) {
  const Town without({}, {});
  const Town with({}, {{5, soles({1e6, 0, 0, 0, 2e5})}});
  const Series& revenue = with.series("municipal_revenue_soles");
  for (int day = 0; day < kDays; ++day) {
    const double extra = day == 6 ? 1.2e6 : 0.0;
    EXPECT_EQ(revenue.get(day, kTransfers), without.series("municipal_revenue_soles").get(day, kTransfers) + extra)
        << "day " << day;
    const double before = day == 0 ? 5.0e6 : with.series("municipal_cash_soles").get(day - 1, 0);
    EXPECT_NEAR(with.series("municipal_cash_soles").get(day, 0),
                before + with.day_sum("municipal_revenue_soles", day) - with.day_sum("municipal_spending_soles", day),
                1e-6)
        << "day " << day;
  }
  const Series& receipts = with.series("municipal_nation_receipts_soles");
  EXPECT_EQ(receipts.get(6, 0), 1e6);
  EXPECT_EQ(receipts.get(6, 4), 2e5);
  EXPECT_EQ(with.day_sum("municipal_nation_receipts_soles", 5) + with.day_sum("municipal_nation_receipts_soles", 7), 0);
}

TEST(GovernanceNation, ReportsKpisPracticesAndProposals) {
  const Town town({kDearPlan, "governance.mechanisms=[{kind: dashboards, start_date: 2025-01-01}]"}, {});
  ASSERT_EQ(town.reports().size(), static_cast<std::size_t>(kDays));
  const nation::MunicipalityReport& last = town.reports().back();
  EXPECT_EQ(last.cash_soles, town.series("municipal_cash_soles").get(kDays - 1, 0));
  EXPECT_EQ(last.satisfaction, town.series("citizen_satisfaction_mean_share").get(kDays - 1, 0));
  EXPECT_EQ(last.separation_coverage, town.series("waste_separating_households_city_share").get(kDays - 1, 0));
  EXPECT_GT(last.budget_execution, 0);
  EXPECT_LT(last.budget_execution, 1);
  ASSERT_EQ(last.practices.size(), 1u);
  EXPECT_EQ(last.practices[0].name, "dashboards");
  ASSERT_EQ(last.proposals.size(), 1u) << "the plan measure it cannot pay alone";
  EXPECT_EQ(last.proposals[0].plan_entry, 0u);
  EXPECT_EQ(last.proposals[0].kind, "electric_share");
  EXPECT_EQ(last.proposals[0].cost_soles, 2500000);
}

TEST(GovernanceNation, CoFinancedPlanMeasureIsAdoptedPayingOnlyTheMunicipalityShare) {
  nation::Letter grant = soles({0, 0, 2.0e6, 0, 0});
  grant.funded_plan_entries = {0};
  grant.funded_soles = {2.0e6};
  const Town alone({kDearPlan}, {});
  const Town funded({kDearPlan}, {{9, grant}});
  EXPECT_EQ(alone.series("city_plan_adopted").get(kDays - 1, 0), 0) << "the department cannot pay 2.5 M alone";
  EXPECT_EQ(funded.series("city_plan_adopted").get(9, 0), 0);
  EXPECT_EQ(funded.series("city_plan_adopted").get(10, 0), 1) << "adopted the day the letter is read";
  const std::size_t items = kSpendingItems;
  EXPECT_EQ(funded.series("municipal_spending_soles").get(10, kWasteDept * items + kPlanMeasures), 2.5e6);
  EXPECT_EQ(funded.series("municipal_revenue_soles").get(10, kTransfers) -
                alone.series("municipal_revenue_soles").get(10, kTransfers),
            2.0e6);
  // The cash moved by the municipality's share only, 0.5 M, against the town without the measure.
  EXPECT_NEAR(funded.series("municipal_cash_soles").get(10, 0) - alone.series("municipal_cash_soles").get(10, 0),
              -0.5e6, 1e-6);
  EXPECT_TRUE(funded.reports()[10].proposals.empty());
  EXPECT_EQ(funded.reports()[10].practices.back().name, "electric trucks");
  EXPECT_EQ(funded.day_sum("waste_truck_electricity_kwh", 10), 0);
  double kwh = 0;
  for (int day = 11; day < kDays; ++day) kwh += funded.day_sum("waste_truck_electricity_kwh", day);
  EXPECT_GT(kwh, 0) << "the measure runs from the next day";
}

TEST(GovernanceNation, PracticeFromTheLearningNetworkIsInForceFromTheDayTheLetterIsRead) {
  nation::Letter letter;
  letter.adopt = {{"mechanism", "complaint_app"}};
  const Town town({}, {{3, letter}});
  const std::size_t app = kComplaintApp;
  EXPECT_EQ(town.series("management_mechanism_in_force").get(3, app), 0);
  EXPECT_EQ(town.series("management_mechanism_in_force").get(4, app), 1);
  EXPECT_EQ(town.series("management_mechanism_in_force").get(kDays - 1, app), 1);
  EXPECT_GT(town.series("complaint_app_adoption_share").get(4, 0), 0);
}

}  // namespace
}  // namespace munisim
