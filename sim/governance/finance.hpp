// The municipality's books: revenues by source, spending by department and item, the cash they
// leave, and each department's appropriation for the year. Balance (checked by tests, to the sol):
//   cash(end) = cash(start) + revenues - spending.
#pragma once

#include <array>
#include <vector>

#include "sim/governance/governance_config.hpp"

namespace munisim {

inline constexpr std::size_t kRevenueSources = 3;
inline constexpr std::array<const char*, kRevenueSources> kRevenueSourceNames = {"waste_fee", "property_tax",
                                                                                 "national_transfers"};
enum RevenueSource : std::size_t { kWasteFee, kPropertyTax, kTransfers };

inline constexpr std::size_t kSpendingItems = 5;
inline constexpr std::array<const char*, kSpendingItems> kSpendingItemNames = {
    "service_running", "staff", "digital_systems", "directed_work", "plan_measures"};
enum SpendingItem : std::size_t { kServiceRunning, kStaff, kDigitalSystems, kDirectedWork, kPlanMeasures };

struct DayBooks {
  std::array<double, kRevenueSources> revenue_soles{};
  std::array<std::array<double, kSpendingItems>, kDepartments> spending_soles{};
};

class Ledger {
 public:
  explicit Ledger(const GovernanceConfig& config);

  // Discretionary spending a department may still commit this year: its appropriation less what its
  // staff, systems and directed work have cost so far.
  [[nodiscard]] double budget_left(Department dept) const {
    return appropriation_[dept] - committed_[dept];
  }
  [[nodiscard]] const std::array<double, kDepartments>& appropriation() const noexcept { return appropriation_; }
  // Reserves `soles` of a department's budget for work it orders; false (nothing reserved, the
  // refusal remembered for next year's request) when the budget cannot pay it.
  bool reserve(Department dept, double soles);
  // The same from the pooled budgets of every department, the proposing one's first, then the
  // others in department order.
  bool reserve_pooled(Department dept, double soles);

  // A transfer earmarked for a department's work (the nation's part of a co-financed plan measure)
  // adds to its appropriation for the year.
  void supplement(Department dept, double soles) { appropriation_[dept] += soles; }

  // Books a day; the services' running costs are paid outside the appropriations (they are
  // mandatory), everything else counts against them.
  void book(const DayBooks& day);
  // A new budget year: each department's appropriation becomes its request (what it spent, plus what
  // it was refused), scaled down when requests exceed what revenues left after the services' running
  // costs in the year that ended.
  void start_year();

  [[nodiscard]] double cash_soles() const noexcept { return cash_; }

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(cash_, appropriation_, committed_, refused_, year_revenue_, year_running_cost_);
  }

 private:
  double cash_;
  std::array<double, kDepartments> appropriation_{};
  std::array<double, kDepartments> committed_{};
  std::array<double, kDepartments> refused_{};
  double year_revenue_ = 0;
  double year_running_cost_ = 0;
};

}  // namespace munisim
