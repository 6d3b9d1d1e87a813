// Finance and planning adopt the measures of the city plan on the first of each month, in the plan's
// order, when they are affordable: each department alone from its own remaining budget, or, with
// joint planning, from the departments' pooled budgets. An adopted measure is paid that day and
// starts in its service the next day (through waste.adopted_measures or mobility.adopted_measures);
// one that cannot be paid waits for the next month, and city_plan_unaffordable shows it. A measure
// paid from pooled budgets is booked to the department that proposed it.
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

void GovernanceService::adopt_plan_measures(const StepContext& step) {
  std::vector<waste::Measure> waste_measures;
  std::vector<mobility::Measure> mobility_measures = std::exchange(mobility_orders_, {});
  plan_unaffordable_.assign(config_.plan.size(), 0.0);
  plan_cost_by_department_ = {};
  if (step.calendar.is_first_of_month(step.day) || step.day == 0) {
    const bool joint = on(kJointPlanning, step.day);
    const long today = step.date.days_since_epoch();
    const Date tomorrow = step.calendar.date(step.day + 1);
    for (std::size_t i = 0; i < config_.plan.size(); ++i) {
      const PlanEntryConfig& entry = config_.plan[i];
      if (plan_adopted_[i] != 0 || entry.earliest_date.days_since_epoch() > today) continue;
      const Department owner = department_from_name(entry.department);
      const bool paid =
          joint ? ledger_.reserve_pooled(owner, entry.cost_soles) : ledger_.reserve(owner, entry.cost_soles);
      if (!paid) {
        plan_unaffordable_[i] = 1;
        continue;
      }
      plan_adopted_[i] = 1;
      plan_cost_by_department_[owner] += entry.cost_soles;
      if (entry.service == "waste") {
        waste_measures.push_back(waste::measure_from_config(entry.waste_measure(tomorrow)).measure);
      } else {
        mobility_measures.push_back(mobility::measure_from_config(entry.mobility_measure(tomorrow)));
      }
    }
  }
  adopted_waste_.set(std::move(waste_measures));
  if (adopted_mobility_) adopted_mobility_->set(std::move(mobility_measures));
}

}  // namespace munisim::governance_detail
