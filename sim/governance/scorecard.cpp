#include "sim/governance/scorecard.hpp"

#include <algorithm>
#include <cmath>

namespace munisim {
namespace {

double closeness(double gap, double scale) { return 1 - std::min(1.0, std::abs(gap) / scale); }

}  // namespace

std::array<double, kPillars> score_month(const MonthFigures& month, const ScorecardConfig& scales,
                                         const std::array<double, kPillars>& last) {
  std::array<double, kPillars> points = last;
  if (month.set_out_t > 0 && month.collected_t > 0) {
    const double cost_per_t = month.service_cost_soles / month.collected_t;
    const double cost_score = cost_per_t > 0 ? std::min(1.0, scales.reference_cost_soles_per_t / cost_per_t) : 1.0;
    points[0] = 50 * std::min(1.0, month.collected_t / month.set_out_t) + 50 * cost_score;
  }
  const double closed = month.answered + month.escalated;
  if (closed > 0) points[1] = 100 * (month.answered_in_time / closed + month.satisfaction + month.trust) / 3;
  if (month.emitted_tco2e + month.avoided_tco2e > 0) {
    points[2] = 100 * month.avoided_tco2e / (month.emitted_tco2e + month.avoided_tco2e);
  }
  if (month.closed_by_gender[0] > 0 && month.closed_by_gender[1] > 0) {
    const double in_time_gap = month.answered_in_time_by_gender[0] / month.closed_by_gender[0] -
                               month.answered_in_time_by_gender[1] / month.closed_by_gender[1];
    points[3] = 50 * closeness(month.satisfaction_by_gender[0] - month.satisfaction_by_gender[1], scales.gap_scale) +
                50 * closeness(in_time_gap, scales.gap_scale);
  }
  return points;
}

}  // namespace munisim
