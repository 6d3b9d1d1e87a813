// A funding mechanism of the nation: a strategy with its own budget. Every day the national agent
// credits what the mechanism's budget receives, then lets it pay; the agent books the payments into
// the letters and keeps the balance: balance(end) = balance(start) + credited - paid.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/metrics.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"

namespace munisim::nation {

// What every mechanism may allocate by, fixed for the run.
struct NationContext {
  std::span<const MunicipalityProfile> municipalities;
  const Calendar& calendar;
  std::vector<double> formula_index;  // per municipality, sums to 1 (formula_index.hpp)
  double population = 0;              // persons in the world
  Dimension municipality;             // labels = ubigeo
};

class FundingMechanism {
 public:
  virtual ~FundingMechanism() = default;
  // Soles the mechanism's budget receives today.
  [[nodiscard]] virtual double credit(int day) = 0;
  // Pays today out of `balance`: adds soles to paid[i] (municipality i). A co-financing mechanism
  // also lists the plan entries it funds in letters[i].funded_plan_entries, skipping those another
  // mechanism funded today; the reports it sees no longer propose entries funded on earlier days.
  virtual void pay(int day, std::span<const MunicipalityReport> reports, double balance, std::span<double> paid,
                   std::span<Letter> letters) = 0;
};

// Each mechanism of nation_config.hpp; the context must outlive it. Mechanisms that keep series of
// their own (goal attainment) register them in `series`.
[[nodiscard]] std::unique_ptr<FundingMechanism> make_formula_transfers(const FormulaTransfersConfig& config,
                                                                       const NationContext& context);
[[nodiscard]] std::unique_ptr<FundingMechanism> make_performance_incentives(const PerformanceIncentivesConfig& config,
                                                                            const NationContext& context,
                                                                            MetricsRegistry& series);
[[nodiscard]] std::unique_ptr<FundingMechanism> make_matching_grants(const MatchingGrantsConfig& config,
                                                                     const NationContext& context);
[[nodiscard]] std::unique_ptr<FundingMechanism> make_competitive_fund(const CompetitiveFundConfig& config,
                                                                      const NationContext& context);
[[nodiscard]] std::unique_ptr<FundingMechanism> make_canon(const CanonConfig& config, const NationContext& context);

// Whether the run's day `day` starts a budget year (the first day of the run or a 1 January).
[[nodiscard]] inline bool budget_year_starts(const Calendar& calendar, int day) {
  return day == 0 || calendar.is_first_of_year(day);
}

// A yearly amount given as a total, or, when the total is 0, per inhabitant of the world.
[[nodiscard]] inline double total_or_per_person(double total, double per_person, const NationContext& context) {
  return total > 0 ? total : per_person * context.population;
}

// Whether letters[i] already co-finances plan entry `entry` today.
[[nodiscard]] bool funded_today(const Letter& letter, std::uint32_t entry);

// The index of `ubigeo` among the municipalities; InputError naming `key` when it is not in the world.
[[nodiscard]] std::size_t municipality_index(const NationContext& context, const std::string& ubigeo,
                                             const std::string& key);

}  // namespace munisim::nation
