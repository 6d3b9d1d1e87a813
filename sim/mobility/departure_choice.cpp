#include "sim/mobility/departure_choice.hpp"

#include <algorithm>
#include <cmath>

namespace munisim {
namespace {

// Q(h) = Σ_p base(p) K(h | p), with K the logit over hours of a traveller preferring p.
HourShares predicted_shares(const HourShares& base, const HourShares& scaled_cost, const DepartureChoiceConfig& c) {
  HourShares predicted{};
  for (std::size_t preferred = 0; preferred < kHours; ++preferred) {
    if (base[preferred] <= 0) continue;
    HourShares weight{};
    double total = 0;
    for (std::size_t h = 0; h < kHours; ++h) {
      const double early = h < preferred ? static_cast<double>(preferred - h) * c.early_utils_per_h : 0.0;
      const double late = h > preferred ? static_cast<double>(h - preferred) * c.late_utils_per_h : 0.0;
      total += weight[h] = std::exp(-scaled_cost[h] - early - late);
    }
    for (std::size_t h = 0; h < kHours; ++h) predicted[h] += base[preferred] * weight[h] / total;
  }
  return predicted;
}

}  // namespace

HourShares chosen_hour_shares(const HourShares& base, const HourShares& cost, const DepartureChoiceConfig& config) {
  if (std::all_of(cost.begin(), cost.end(), [](double c) { return c == 0; })) return base;
  HourShares scaled{};
  // Only differences between hours matter: measured from the cheapest, so exp() cannot underflow at every hour.
  const double least = *std::min_element(cost.begin(), cost.end());
  for (std::size_t h = 0; h < kHours; ++h) scaled[h] = config.cost_scale * (cost[h] - least);
  const HourShares with_cost = predicted_shares(base, scaled, config);
  const HourShares without = predicted_shares(base, HourShares{}, config);
  HourShares chosen{};
  double total = 0;
  for (std::size_t h = 0; h < kHours; ++h) {
    // Q_0(h) >= base(h) K_0(h | h) > 0 wherever base(h) > 0.
    if (base[h] > 0) total += chosen[h] = base[h] * with_cost[h] / without[h];
  }
  for (double& share : chosen) share /= total;
  return chosen;
}

std::vector<double> segment_crowding_loss(const std::vector<TripConditions>& segments, const ModeTable& modes,
                                          const ModeChoice& choice, const SafetyMeasures& safety) {
  static_assert(kTransit >= 1, "a row's transit chance is the step between two thresholds");
  std::vector<double> loss(segments.size(), 0.0);
  for (std::size_t segment = 0; segment < segments.size(); ++segment) {
    if (!segments[segment].transit) continue;
    const ModeTable::Row* rows = modes.segment_rows(segment);
    double sum = 0;
    for (std::size_t g = 0; g < kGenders; ++g) {
      const double lost = choice.crowding_loss(segments[segment], g, safety);
      if (lost == 0) continue;
      for (std::size_t income = 0; income < kIncomeGroups; ++income) {
        const ModeTable::Row& below = rows[g * kIncomeGroups + income];
        sum += static_cast<double>(below[kTransit] - below[kTransit - 1]) * 0x1p-31 * lost;
      }
    }
    loss[segment] = sum / static_cast<double>(ModeTable::kRows);
  }
  return loss;
}

}  // namespace munisim
