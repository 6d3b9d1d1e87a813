#include "sim/governance/finance.hpp"

#include <algorithm>

namespace munisim {

Ledger::Ledger(const GovernanceConfig& config) : cash_(config.finance.opening_cash_soles) {
  const auto departments = config.departments.all();
  for (std::size_t dept = 0; dept < kDepartments; ++dept) appropriation_[dept] = departments[dept]->budget_soles_per_yr;
}

bool Ledger::reserve(Department dept, double soles) {
  if (budget_left(dept) < soles) {
    refused_[dept] += soles;
    return false;
  }
  committed_[dept] += soles;
  return true;
}

bool Ledger::reserve_pooled(Department dept, double soles) {
  double pooled = 0;
  for (std::size_t other = 0; other < kDepartments; ++other) pooled += std::max(0.0, budget_left(static_cast<Department>(other)));
  if (pooled < soles) {
    refused_[dept] += soles;
    return false;
  }
  double left = soles;
  for (std::size_t k = 0; k < kDepartments && left > 0; ++k) {
    const std::size_t other = k == 0 ? dept : (k <= dept ? k - 1 : k);
    const double taken = std::min(left, std::max(0.0, budget_left(static_cast<Department>(other))));
    committed_[other] += taken;
    left -= taken;
  }
  return true;
}

void Ledger::book(const DayBooks& day) {
  for (double soles : day.revenue_soles) {
    cash_ += soles;
    year_revenue_ += soles;
  }
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    for (std::size_t item = 0; item < kSpendingItems; ++item) {
      const double soles = day.spending_soles[dept][item];
      cash_ -= soles;
      if (item == kServiceRunning) {
        year_running_cost_ += soles;
      } else if (item != kDirectedWork && item != kPlanMeasures) {  // committed when ordered
        committed_[dept] += soles;
      }
    }
  }
}

void Ledger::start_year() {
  std::array<double, kDepartments> request{};
  double requested = 0;
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    request[dept] = committed_[dept] + refused_[dept];
    requested += request[dept];
  }
  const double available = std::max(0.0, year_revenue_ - year_running_cost_);
  const double scale = requested > available && requested > 0 ? available / requested : 1.0;
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    appropriation_[dept] = request[dept] * scale;
    committed_[dept] = 0;
    refused_[dept] = 0;
  }
  year_revenue_ = 0;
  year_running_cost_ = 0;
}

}  // namespace munisim
