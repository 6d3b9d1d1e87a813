#include "sim/mobility/transit_experience.hpp"

#include <algorithm>

namespace munisim {
namespace {

constexpr std::size_t kGenderCount = kGenders;

// What one rider of a segment meets, summed over the legs and the lines sharing each leg.
struct RiderShare {
  double boardings = 0, denied = 0, crowded = 0;
};

RiderShare rider_share(const TransitDayInputs& day, std::size_t pair, std::size_t hour) {
  const OdTransit& option = day.routes.options(pair);
  const std::vector<RouteLine>& lines = day.routes.lines();
  const std::size_t period = period_of_hour(hour);
  RiderShare rider;
  for (const LegOptions* leg : {&option.first, &option.second}) {
    const double frequency = leg_frequency_per_min(*leg, lines, day.weekday, period);
    for (std::size_t i = 0; i < leg->lines.size(); ++i) {
      const double headway = lines[leg->lines[i]].headway_on(day.weekday, period);
      if (headway <= 0) continue;
      const double share = 1 / (headway * frequency);
      const std::size_t cell = leg->lines[i] * kHours + hour;
      rider.boardings += share;
      if (day.loads.boardings[cell] > 0) rider.denied += share * day.loads.denied[cell] / day.loads.boardings[cell];
      if (day.loads.load_factor[cell] > day.crowded_load_factor) rider.crowded += share;
    }
  }
  return rider;
}

}  // namespace

TransitInsecurity::TransitInsecurity(const ModeChoiceConfig& config, const SafetyMeasures& safety)
    : config_(config), safety_(safety) {
  for (std::size_t g = 0; g < kGenderCount; ++g) {
    worst_ = std::max(worst_, -(config.transit_safety_by_gender[g] + config.night_safety_by_gender[g] +
                                config.crowded_safety_by_gender[g]));
  }
}

double TransitInsecurity::operator()(std::size_t gender, bool night, double crowded_share) const {
  if (worst_ <= 0) return 0;
  const ModeChoiceConfig& c = config_;
  const double lost = -(c.transit_safety_by_gender[gender] * (1 - safety_.staff_on_board) +
                        (night ? c.night_safety_by_gender[gender] * (1 - safety_.lighting) : 0.0) +
                        crowded_share * c.crowded_safety_by_gender[gender] * (1 - safety_.women_only));
  return std::clamp(lost / worst_, 0.0, 1.0);
}

TransitExperience transit_experience(const TransitDayInputs& day, const TransitInsecurity& insecurity) {
  const std::size_t cells = day.districts * kGenderCount;
  TransitExperience lived{std::vector<double>(cells, 0.0), std::vector<double>(cells, 0.0),
                          std::vector<double>(cells, 0.0), std::vector<double>(cells, 0.0),
                          std::vector<double>(cells, 0.0)};
  for (std::size_t segment = 0; segment < day.segments.size(); ++segment) {
    const std::size_t pair = segment / kHours;
    const std::size_t hour = segment % kHours;
    const double* riders = &day.by_segment_mode_gender[(segment * kModes + kTransit) * kGenderCount];
    if (riders[0] + riders[1] <= 0) continue;
    const RiderShare rider = rider_share(day, pair, hour);
    const TripConditions& offer = day.segments[segment];
    const double crowded_share = rider.boardings > 0 ? rider.crowded / rider.boardings : 0.0;
    for (std::size_t g = 0; g < kGenderCount; ++g) {
      const std::size_t cell = pair / day.districts * kGenderCount + g;
      lived.trips[cell] += riders[g];
      lived.wait_min[cell] += riders[g] * offer.transit_wait_min;
      lived.denied[cell] += riders[g] * rider.denied;
      lived.crowded[cell] += riders[g] * rider.crowded;
      lived.insecurity[cell] += riders[g] * insecurity(g, offer.night, crowded_share);
    }
  }
  // Sums over trips to means per trip.
  for (std::size_t cell = 0; cell < cells; ++cell) {
    if (lived.trips[cell] <= 0) continue;
    lived.wait_min[cell] /= lived.trips[cell];
    lived.insecurity[cell] /= lived.trips[cell];
  }
  return lived;
}

}  // namespace munisim
