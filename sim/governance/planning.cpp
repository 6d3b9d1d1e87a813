// Finance and planning adopt the measures of the city plan on the first of each month, in the plan's
// order, when they are affordable: each department alone from its own remaining budget, or, with
// joint planning, from the departments' pooled budgets. An adopted measure is paid that day and
// starts in its service the next day (through waste.adopted_measures or mobility.adopted_measures);
// one that cannot be paid waits for the next month, and city_plan_unaffordable shows it. A measure
// paid from pooled budgets is booked to the department that proposed it.
//
// In a world of several cities the nation's letter (read the day after it was written) can also
// lead planning to adopt a measure any day: a plan entry the nation co-finances first adds the
// nation's part to its department's appropriation, so the same rule then asks the department only
// for the municipality's share; a practice the learning network brings is a mechanism switched on
// from the start of today (governance.observe), or the plan entry of that name adopted by the same
// rule. docs/nation.md.
#include <algorithm>
#include <utility>

#include "sim/governance/detail/governance_state.hpp"

namespace munisim::governance_detail {

namespace {

Department department_from_name(const std::string& name) {
  const auto found = std::find(kDepartmentNames.begin(), kDepartmentNames.end(), name);
  return static_cast<Department>(found - kDepartmentNames.begin());
}

}  // namespace

bool GovernanceService::adopt_plan_entry(std::size_t i, const StepContext& step,
                                         std::vector<waste::Measure>& waste_measures,
                                         std::vector<mobility::Measure>& mobility_measures) {
  const PlanEntryConfig& entry = config_.plan[i];
  const Department owner = department_from_name(entry.department);
  const bool paid = on(kJointPlanning, step.day) ? ledger_.reserve_pooled(owner, entry.cost_soles)
                                                 : ledger_.reserve(owner, entry.cost_soles);
  if (!paid) {
    plan_unaffordable_[i] = 1;
    return false;
  }
  plan_adopted_[i] = 1;
  plan_cost_by_department_[owner] += entry.cost_soles;
  const Date tomorrow = step.calendar.date(step.day + 1);
  if (entry.service == "waste") {
    waste_measures.push_back(waste::measure_from_config(entry.waste_measure(tomorrow)).measure);
  } else {
    mobility_measures.push_back(mobility::measure_from_config(entry.mobility_measure(tomorrow)));
  }
  return true;
}

void GovernanceService::act_on_letter(const StepContext& step, std::vector<waste::Measure>& waste_measures,
                                      std::vector<mobility::Measure>& mobility_measures) {
  const nation::Letter& letter = *letter_;
  for (std::size_t k = 0; k < letter.funded_plan_entries.size(); ++k) {
    const std::size_t i = letter.funded_plan_entries[k];
    if (i >= config_.plan.size() || plan_adopted_[i] != 0) continue;
    if (k < letter.funded_soles.size()) {
      ledger_.supplement(department_from_name(config_.plan[i].department), letter.funded_soles[k]);
    }
    adopt_plan_entry(i, step, waste_measures, mobility_measures);
  }
  for (const nation::Practice& practice : letter.adopt) {
    if (practice.kind == "mechanism") continue;  // switched on when the day began (observe)
    for (std::size_t i = 0; i < config_.plan.size(); ++i) {
      if (config_.plan[i].name == practice.name && plan_adopted_[i] == 0) {
        adopt_plan_entry(i, step, waste_measures, mobility_measures);
      }
    }
  }
}

void GovernanceService::adopt_plan_measures(const StepContext& step) {
  std::vector<waste::Measure> waste_measures;
  std::vector<mobility::Measure> mobility_measures = std::exchange(mobility_orders_, {});
  plan_unaffordable_.assign(config_.plan.size(), 0.0);
  plan_cost_by_department_ = {};
  act_on_letter(step, waste_measures, mobility_measures);
  if (step.calendar.is_first_of_month(step.day) || step.day == 0) {
    const long today = step.date.days_since_epoch();
    for (std::size_t i = 0; i < config_.plan.size(); ++i) {
      const PlanEntryConfig& entry = config_.plan[i];
      if (plan_adopted_[i] != 0 || entry.earliest_date.days_since_epoch() > today) continue;
      adopt_plan_entry(i, step, waste_measures, mobility_measures);
    }
  }
  adopted_waste_.set(std::move(waste_measures));
  if (adopted_mobility_) adopted_mobility_->set(std::move(mobility_measures));
}

}  // namespace munisim::governance_detail
