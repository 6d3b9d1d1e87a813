// What riders lived on the day's transit, by the district where their trips start and gender:
// trips, waits, denied boardings, boardings onto crowded vehicles and perceived insecurity. Derived
// once a day from the trips summed per segment (pair, hour) and gender and from the line-hour loads:
// a segment's riders share each leg's lines in proportion to frequency, as in load_lines, so they
// take that share of each line-hour's denials (in proportion to its boardings) and crowding.
#pragma once

#include <vector>

#include "sim/mobility/mode_choice.hpp"
#include "sim/mobility/transit_load.hpp"

namespace munisim {

// All [district * kGenders + gender].
struct TransitExperience {
  std::vector<double> trips;       // transit trips
  std::vector<double> wait_min;    // mean wait of those trips (0 without trips)
  std::vector<double> denied;      // denied boarding attempts
  std::vector<double> crowded;     // boardings onto line-hours above the crowded load factor
  std::vector<double> insecurity;  // mean perceived insecurity of those trips, in [0, 1]
};

// Perceived insecurity of one transit trip, in [0, 1]: minus the insecurity terms of the transit
// utility in mode choice (riding at all, at night, in a crowded vehicle, each after the safety
// measure that addresses it) over the worst case, the most insecure gender's crowded night ride
// without measures. Long walks to stops are left out: they belong to the walk, not the ride.
class TransitInsecurity {
 public:
  TransitInsecurity(const ModeChoiceConfig& config, const SafetyMeasures& safety);

  // `crowded_share`: share of the trip's boardings onto crowded vehicles.
  [[nodiscard]] double operator()(std::size_t gender, bool night, double crowded_share) const;

 private:
  const ModeChoiceConfig& config_;
  SafetyMeasures safety_;
  double worst_ = 0;  // utility lost by the worst case; 0: nobody feels insecure
};

struct TransitDayInputs {
  std::size_t districts;
  const TransitRoutes& routes;
  std::size_t weekday;
  const LineHourLoads& loads;
  const std::vector<TripConditions>& segments;        // [pair * 24 + hour]
  const std::vector<double>& by_segment_mode_gender;  // as in TripCounts
  double crowded_load_factor;
};

[[nodiscard]] TransitExperience transit_experience(const TransitDayInputs& day, const TransitInsecurity& insecurity);

}  // namespace munisim
