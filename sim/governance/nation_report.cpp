// What the municipality tells the nation at the end of each day (sim/nation/exchange.hpp): the KPIs
// the nation's mechanisms judge it by, its practices in force, and the plan measures it has not
// adopted yet, which it proposes for co-financing. docs/nation.md.
#include <algorithm>

#include "sim/governance/detail/governance_state.hpp"

namespace munisim::governance_detail {

nation::MunicipalityReport GovernanceService::report(const StepContext& step) const {
  nation::MunicipalityReport report;
  report.separation_coverage = waste_city_->separating_share;
  double answered = 0, answer_days = 0;
  for (std::size_t slot = 0; slot < answered_window_.size(); ++slot) {
    answered += answered_window_[slot];
    answer_days += answer_days_window_[slot];
  }
  // With nothing answered in the window, the answer time is as bad as it gets: the days after which
  // complaints are escalated unanswered.
  report.complaint_response_days = answered > 0 ? answer_days / answered : config_.complaints.abandon_after_days;
  const OpinionMeans& opinion = opinion_.means();
  for (const std::vector<double>& service : opinion.satisfaction) report.satisfaction += city_mean(service);
  report.satisfaction /= kJudgedServices;
  report.trust = city_mean(opinion.trust);
  report.emissions_tco2e = waste_city_->emissions_tco2e + (mobility_day_ ? (*mobility_day_)->emissions_tco2e : 0.0);
  report.cash_soles = ledger_.cash_soles();
  double appropriated = 0, left = 0;
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    appropriated += ledger_.appropriation()[dept];
    left += ledger_.budget_left(static_cast<Department>(dept));
  }
  report.budget_execution = appropriated > 0 ? std::clamp((appropriated - left) / appropriated, 0.0, 1.0) : 0.0;
  for (std::size_t m = 0; m < kMechanisms; ++m) {
    if (on(static_cast<Mechanism>(m), step.day)) report.practices.push_back({"mechanism", kMechanismNames[m]});
  }
  const long today = step.date.days_since_epoch();
  for (std::size_t i = 0; i < config_.plan.size(); ++i) {
    const PlanEntryConfig& entry = config_.plan[i];
    if (plan_adopted_[i] != 0) {
      report.practices.push_back({"plan_measure", entry.name});
    } else if (entry.earliest_date.days_since_epoch() <= today) {
      report.proposals.push_back({static_cast<std::uint32_t>(i), entry.name, entry.kind, entry.cost_soles});
    }
  }
  return report;
}

}  // namespace munisim::governance_detail
