// Programa de Incentivos: each budget year the envelope is credited; a municipality's yearly maximum
// is envelope x its formula index (R.M. 104-2019-EF/50). On a goal's deadline (its month and day,
// every year) the goal is verified on that day's report of every municipality of its types, and an
// attained goal pays weight x maximum. Unpaid money stays in the mechanism's budget.
#include <algorithm>
#include <cmath>

#include "sim/nation/funding_mechanism.hpp"
#include "sim/nation/report_values.hpp"

namespace munisim::nation {
namespace {

class PerformanceIncentives final : public FundingMechanism {
 public:
  PerformanceIncentives(const PerformanceIncentivesConfig& config, const NationContext& context,
                        MetricsRegistry& series)
      : config_(config),
        context_(context),
        envelope_(total_or_per_person(config.envelope_soles_per_yr, config.envelope_soles_per_person_yr, context)),
        attained_(config.goals.size() * context.municipalities.size(), 0.0) {
    std::vector<std::string> goals;
    for (const IncentiveGoalConfig& goal : config.goals) {
      goals.push_back(goal.name);
      deadlines_.push_back(Cycle::annual(goal.deadline.month, goal.deadline.day));
    }
    attained_id_ = series.add({"nation_goal_attained", "1",
                               "1 where the municipality attained the goal at its last verification (0 before the "
                               "first, when missed, or when the goal is not for its type)",
                               {{"goal", goals}, context.municipality}, Summary::last});
    series_ = &series;
  }

  double credit(int day) override { return budget_year_starts(context_.calendar, day) ? envelope_ : 0.0; }

  void pay(int day, std::span<const MunicipalityReport> reports, double, std::span<double> paid,
           std::span<Letter>) override {
    const std::size_t n = context_.municipalities.size();
    for (std::size_t g = 0; g < config_.goals.size(); ++g) {
      if (!deadlines_[g].due(context_.calendar, day)) continue;
      const IncentiveGoalConfig& goal = config_.goals[g];
      for (std::size_t i = 0; i < n; ++i) {
        const auto& types = goal.types;
        if (std::find(types.begin(), types.end(), context_.municipalities[i].incentive_type) == types.end()) continue;
        const double value = report_value(reports[i], goal.indicator);
        const bool met = goal.at_most ? value <= goal.target : value >= goal.target;
        attained_[g * n + i] = met ? 1.0 : 0.0;
        if (met) paid[i] += goal.weight * envelope_ * context_.formula_index[i];
      }
    }
    series_->series(attained_id_).set_day(day, attained_);
  }

 private:
  const PerformanceIncentivesConfig& config_;
  const NationContext& context_;
  double envelope_;
  std::vector<Cycle> deadlines_;
  std::vector<double> attained_;  // goal x municipality
  MetricsRegistry* series_;
  SeriesId attained_id_;
};

}  // namespace

std::unique_ptr<FundingMechanism> make_performance_incentives(const PerformanceIncentivesConfig& config,
                                                              const NationContext& context, MetricsRegistry& series) {
  return std::make_unique<PerformanceIncentives>(config, context, series);
}

}  // namespace munisim::nation
