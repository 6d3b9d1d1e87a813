// What governance records: citizens' satisfaction and trust by district, gender and income with
// the gaps between groups, complaints and their outcomes, the waste department's directions, the
// books, and the monthly scorecard.
#include <algorithm>
#include <limits>

#include "sim/governance/detail/governance_state.hpp"

namespace munisim::governance_detail {
namespace {


template <std::size_t N>
std::vector<std::string> labels(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

}  // namespace

void GovernanceService::register_series() {
  const Dimension district{"district", district_labels(city_)};
  const Dimension gender{"gender", gender_labels()};
  const Dimension income{"income_group", income_group_labels()};
  const Dimension service{"service", labels(kJudgedServiceNames)};
  const Dimension kind{"kind", labels(kTicketKindNames)};
  const Dimension channel{"channel", labels(kComplaintChannelNames)};
  const Dimension department{"department", labels(kDepartmentNames)};
  auto add = [&](std::string name, std::string unit, std::string description, std::vector<Dimension> dims,
                 Summary summary) {
    return metrics_.add({std::move(name), std::move(unit), std::move(description), std::move(dims), summary});
  };
  ids_.satisfaction = add("citizen_satisfaction_share", "1",
                          "mean satisfaction with each service (0 none, 1 full), updated weekly",
                          {service, district, gender, income}, Summary::none);
  ids_.satisfaction_city = add("citizen_satisfaction_city_share", "1",
                               "the city's mean satisfaction with each service, by gender", {service, gender},
                               Summary::none);
  ids_.satisfaction_mean = add("citizen_satisfaction_mean_share", "1",
                               "the city's mean satisfaction over the services", {}, Summary::last);
  ids_.trust = add("citizen_trust_share", "1", "mean trust in the municipality (0 none, 1 full), updated weekly",
                   {district, gender, income}, Summary::none);
  ids_.trust_city = add("citizen_trust_city_share", "1", "the city's mean trust in the municipality", {},
                        Summary::last);
  ids_.gaps = add("citizen_satisfaction_gap_share", "1",
                  "gaps in satisfaction: women minus men, low minus high income, worst minus best district",
                  {service, {"gap", {"women_minus_men", "low_minus_high_income", "worst_minus_best_district"}}},
                  Summary::none);
  ids_.filed = add("complaints_filed", "complaints", "complaints filed (persons' complaints)", {kind, channel},
                   Summary::total);
  ids_.filed_by_group = add("complaints_filed_by_group", "complaints", "complaints filed by who filed them",
                            {district, gender, income}, Summary::total);
  ids_.answered = add("complaints_answered", "complaints", "complaints answered by the responsible department",
                      {kind}, Summary::total);
  ids_.answer_days = add("complaints_answer_wait_days", "complaint-days",
                         "days from filing to answer, summed over the complaints answered that day (divide by "
                         "complaints_answered for the mean)",
                         {kind}, Summary::total);
  ids_.escalated = add("complaints_escalated", "complaints",
                       "complaints escalated unanswered past their deadline (Libro de Reclamaciones: 30 business days)",
                       {kind}, Summary::total);
  ids_.open = add("complaints_open", "complaints", "complaints open at the end of the day, by the department holding "
                                                   "them",
                  {department}, Summary::last);
  ids_.forwarded = add("complaints_forwarded", "complaints",
                       "complaints a department passed on because they were not its own", {department}, Summary::total);
  ids_.outcomes = add("complaints_closed_by_group", "complaints",
                      "complaints closed by outcome and complainant: answered within the tolerance, answered late, "
                      "escalated",
                      {{"outcome", {"answered_in_time", "answered_late", "escalated"}}, gender, income},
                      Summary::total);
  ids_.app_share = add("complaint_app_adoption_share", "1",
                       "share of citizens with digital access who use the complaint app", {}, Summary::last);
  ids_.recovery_visits = add("waste_recovery_visits_ordered", "visits",
                             "recovery visits the waste department ordered for the next day", {district},
                             Summary::total);
  ids_.frequency_orders = add("transit_frequency_orders", "orders",
                              "orders of more frequent service the transport department gave the concessionaires",
                              {}, Summary::total);
  ids_.blocked = add("department_work_refused_soles", "soles",
                     "work a department wanted to order but its remaining budget could not pay", {department},
                     Summary::total);
  ids_.revenue = add("municipal_revenue_soles", "soles", "the municipality's revenues by source",
                     {{"source", labels(kRevenueSourceNames)}}, Summary::total);
  ids_.spending = add("municipal_spending_soles", "soles", "the municipality's spending by department and item",
                      {department, {"item", labels(kSpendingItemNames)}}, Summary::total);
  ids_.nation_receipts = add("municipal_nation_receipts_soles", "soles",
                             "soles received from the nation by funding mechanism (in a world of several cities; "
                             "included in national_transfers)",
                             {{"mechanism", labels(nation::kMechanismKindNames)}}, Summary::total);
  ids_.cash = add("municipal_cash_soles", "soles", "the municipality's cash at the end of the day", {}, Summary::last);
  ids_.budget = add("department_budget_soles", "soles",
                    "each department's appropriation for the year, besides the services' running costs", {department},
                    Summary::last);
  ids_.budget_left = add("department_budget_left_soles", "soles", "what is left of each appropriation", {department},
                         Summary::last);
  // One series per pillar, so that each shows in the KPI summary and the report.
  for (std::size_t p = 0; p < kPillars; ++p) {
    ids_.scorecard[p] = add(std::string("management_scorecard_") + kPillarNames[p] + "_points", "points",
                            std::string("monthly scorecard of management practice: ") + kPillarNames[p] +
                                ", 0-100 (the last full month)",
                            {}, Summary::last);
  }
  if (!config_.plan.empty()) {
    std::vector<std::string> names;
    for (const PlanEntryConfig& entry : config_.plan) names.push_back(entry.name);
    const Dimension measure{"measure", names};
    ids_.plan_adopted = add("city_plan_adopted", "1", "1 once the city plan's measure is adopted", {measure},
                            Summary::last);
    ids_.plan_unaffordable = add("city_plan_unaffordable", "1",
                                 "1 on a day planning could not pay the measure (its department's budget, or the "
                                 "pooled budgets with joint planning)",
                                 {measure}, Summary::total);
  }
  ids_.mechanisms = add("management_mechanism_in_force", "1", "1 where a mechanism is in force that day",
                        {{"mechanism", labels(kMechanismNames)}}, Summary::mean);
}

void GovernanceService::record(const StepContext& step) {
  const int day = step.day;
  const OpinionMeans& opinion = opinion_.means();
  std::vector<double> satisfaction, city(kJudgedServices * kGenders), gaps;
  for (std::size_t s = 0; s < kJudgedServices; ++s) {
    const std::vector<double>& by_group = opinion.satisfaction[s];
    satisfaction.insert(satisfaction.end(), by_group.begin(), by_group.end());
    for (std::size_t g = 0; g < kGenders; ++g) city[s * kGenders + g] = city_mean(by_group, g);
    // Income and district means from the group means and their persons.
    std::array<double, kIncomeGroups> income_sum{}, income_persons{};
    std::vector<double> district_sum(districts_, 0.0), district_persons(districts_, 0.0);
    for (std::size_t cell = 0; cell < by_group.size(); ++cell) {
      const double persons = opinion.persons[cell];
      income_sum[cell % kIncomeGroups] += by_group[cell] * persons;
      income_persons[cell % kIncomeGroups] += persons;
      district_sum[cell / (kGenders * kIncomeGroups)] += by_group[cell] * persons;
      district_persons[cell / (kGenders * kIncomeGroups)] += persons;
    }
    double worst = std::numeric_limits<double>::max(), best = std::numeric_limits<double>::lowest();
    for (std::size_t d = 0; d < districts_; ++d) {
      if (district_persons[d] <= 0) continue;
      worst = std::min(worst, district_sum[d] / district_persons[d]);
      best = std::max(best, district_sum[d] / district_persons[d]);
    }
    const auto mean_of = [&](std::size_t group) {
      return income_persons[group] > 0 ? income_sum[group] / income_persons[group] : 0.0;
    };
    gaps.push_back(city[s * kGenders] - city[s * kGenders + 1]);
    gaps.push_back(mean_of(0) - mean_of(2));
    gaps.push_back(best >= worst ? worst - best : 0.0);
  }
  metrics_.series(ids_.satisfaction).set_day(day, satisfaction);
  metrics_.series(ids_.satisfaction_city).set_day(day, city);
  double all_services = 0;
  for (const std::vector<double>& by_group : opinion.satisfaction) all_services += city_mean(by_group);
  metrics_.series(ids_.satisfaction_mean).day(day)[0] = all_services / kJudgedServices;
  metrics_.series(ids_.gaps).set_day(day, gaps);
  metrics_.series(ids_.trust).set_day(day, opinion.trust);
  metrics_.series(ids_.trust_city).day(day)[0] = city_mean(opinion.trust);

  metrics_.series(ids_.filed).set_day(day, complaints_.filed);
  metrics_.series(ids_.filed_by_group).set_day(day, complaints_.filed_by_group);
  metrics_.series(ids_.answered).set_day(day, complaints_.answered);
  metrics_.series(ids_.answer_days).set_day(day, complaints_.answer_days);
  metrics_.series(ids_.escalated).set_day(day, complaints_.escalated);
  metrics_.series(ids_.open).set_day(day, office_.open_weight());
  metrics_.series(ids_.forwarded).set_day(day, complaints_.forwarded);
  metrics_.series(ids_.outcomes).set_day(day, complaints_.outcomes);
  metrics_.series(ids_.app_share).day(day)[0] = app_share_;
  metrics_.series(ids_.recovery_visits).set_day(day, recovery_visits_);
  metrics_.series(ids_.blocked).set_day(day, blocked_soles_);
  metrics_.series(ids_.frequency_orders).day(day)[0] = frequency_orders_today_;

  metrics_.series(ids_.revenue).set_day(day, books_.revenue_soles);
  std::vector<double> spending;
  for (const auto& items : books_.spending_soles) spending.insert(spending.end(), items.begin(), items.end());
  metrics_.series(ids_.spending).set_day(day, spending);
  metrics_.series(ids_.nation_receipts).set_day(day, nation_receipts_);
  metrics_.series(ids_.cash).day(day)[0] = ledger_.cash_soles();
  std::array<double, kDepartments> left{};
  for (std::size_t dept = 0; dept < kDepartments; ++dept) left[dept] = ledger_.budget_left(static_cast<Department>(dept));
  metrics_.series(ids_.budget).set_day(day, ledger_.appropriation());
  metrics_.series(ids_.budget_left).set_day(day, left);
  for (std::size_t p = 0; p < kPillars; ++p) metrics_.series(ids_.scorecard[p]).day(day)[0] = points_[p];
  std::array<double, kMechanisms> in_force{};
  for (std::size_t m = 0; m < kMechanisms; ++m) in_force[m] = on(static_cast<Mechanism>(m), day) ? 1.0 : 0.0;
  metrics_.series(ids_.mechanisms).set_day(day, in_force);
  if (!config_.plan.empty()) {
    metrics_.series(ids_.plan_adopted).set_day(day, plan_adopted_);
    metrics_.series(ids_.plan_unaffordable).set_day(day, plan_unaffordable_);
  }
  report_.set(report(step));
}

}  // namespace munisim::governance_detail
