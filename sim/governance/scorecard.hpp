// The monthly scorecard of management practice on the four pillars the seed project assesses, each
// in points from 0 to 100. Formulas (docs/governance.md):
//   efficiency          = 50 collected/set out + 50 min(1, reference cost per t / cost per t)
//   citizen orientation = 100 (answered in time / (answered + escalated) + satisfaction + trust) / 3
//   climate protection  = 100 avoided / (emitted + avoided)
//   gender sensitivity  = 50 (1 - min(1, |satisfaction gap| / gap scale))
//                       + 50 (1 - min(1, |answered-in-time share gap| / gap scale))
// A pillar without anything to judge in the month (no complaints, no waste) scores its last value.
#pragma once

#include <array>

#include "sim/governance/governance_config.hpp"

namespace munisim {

inline constexpr std::size_t kPillars = 4;
inline constexpr std::array<const char*, kPillars> kPillarNames = {"efficiency", "citizen_orientation",
                                                                   "climate_protection", "gender_sensitivity"};

// A month's figures, summed or averaged over its days; genders are female, male.
struct MonthFigures {
  double set_out_t = 0, collected_t = 0, service_cost_soles = 0;
  double answered_in_time = 0, answered = 0, escalated = 0;  // persons' complaints
  std::array<double, 2> answered_in_time_by_gender{}, closed_by_gender{};
  double satisfaction = 0, trust = 0;   // city means, end of month
  std::array<double, 2> satisfaction_by_gender{};
  double emitted_tco2e = 0, avoided_tco2e = 0;
};

[[nodiscard]] std::array<double, kPillars> score_month(const MonthFigures& month, const ScorecardConfig& scales,
                                                       const std::array<double, kPillars>& last);

}  // namespace munisim
