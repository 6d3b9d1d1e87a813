// A person's trips on one day, as tables sampled with one random word each: which tours a person
// makes (from employment, age, gender and weekday, with care trips chained into work tours), each
// tour's destination by a gravity model and its departure hour by purpose (and, with departure
// choice, by home district, rebuilt each day: sim/mobility/departure_choice.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/alias_table.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/mobility/road_load.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim {

// A day's tours as bits of a pattern. A chained care tour is an escort on the way to work:
// home -> care place -> work -> home, one trip more than the work tour alone.
inline constexpr std::uint32_t kWorkTour = 1, kCareTour = 2, kChainedCare = 4, kStudyTour = 8, kShoppingTour = 16,
                               kOtherTour = 32, kTourPatterns = 64;

// Travellers differ in their tours by age group, gender and employment.
inline constexpr std::size_t kTravellerTypes = std::size_t{kAgeGroups} * kGenders * 2;
[[nodiscard]] constexpr std::size_t traveller_type(std::size_t age_group, std::size_t gender, bool employed) {
  return (age_group * kGenders + gender) * 2 + (employed ? 1 : 0);
}

class ActivityModel {
 public:
  // Destination weights: a district's population times exp(-decay x km) from each origin.
  ActivityModel(const ActivitiesConfig& config, const TravelSkims& skims, const std::vector<double>& population);

  // The samples, each from one uniform 32-bit word; `weekday` 0 = Monday.
  [[nodiscard]] std::uint32_t pattern(std::size_t weekday, std::size_t type, std::uint32_t word) const {
    return sample_alias(&patterns_[(weekday * kTravellerTypes + type) * kTourPatterns], kTourPatterns, word);
  }
  [[nodiscard]] std::uint32_t destination(Purpose purpose, std::uint32_t origin, std::uint32_t word) const {
    const auto count = static_cast<std::uint32_t>(districts_);
    return sample_alias(&destinations_[(purpose * districts_ + origin) * districts_], count, word);
  }
  // `origin`: the home district the tour starts from; without departure choice every origin shares one table.
  [[nodiscard]] std::uint32_t departure_hour(Purpose purpose, std::uint32_t origin, std::uint32_t word) const {
    return sample_alias(&hours_[(purpose * hour_rows_ + origin * origin_stride_) * kHours], kHours, word);
  }
  [[nodiscard]] std::uint32_t return_hour(Purpose purpose, std::uint32_t departure) const {
    return std::min<std::uint32_t>(23, departure + duration_h_[purpose]);
  }

  // With departure choice on, rebuilds the departure hours of every purpose and home district from
  // the utility each segment's trips are expected to lose to transit crowding today ([pair * 24 +
  // hour], segment_crowding_loss): the cost of leaving at h is that of the outbound trip at h and the
  // return at its return hour, averaged over the purpose's destinations. Off: does nothing.
  void choose_departures(std::span<const double> segment_loss);

 private:
  // Chance of each tour pattern for a traveller type on a weekday (0 = Monday): the tours are
  // independent choices, the chaining a choice of working carers.
  [[nodiscard]] std::array<double, kTourPatterns> pattern_chances(std::size_t weekday, std::size_t type) const;
  // Chance that the outbound trip of a purpose starts at each hour: the departure time is normal,
  // floored to its hour, and times before 0 h or after 23 h count in those hours.
  [[nodiscard]] std::array<double, kHours> hour_chances(Purpose purpose) const;

  const ActivitiesConfig& config_;
  std::size_t districts_;
  std::vector<AliasColumn> patterns_;                  // [weekday][traveller type][pattern]
  std::vector<AliasColumn> destinations_;              // [purpose][origin][destination]
  std::vector<AliasColumn> hours_;                     // [purpose][origin if departure choice][hour]
  std::size_t hour_rows_ = 1, origin_stride_ = 0;      // departure choice: districts_ and 1
  std::array<std::array<double, kHours>, kPurposes> base_hours_{};
  std::vector<double> destination_chances_;            // departure choice: [purpose][origin][destination]
  std::array<std::uint32_t, kPurposes> duration_h_{};  // rounded, as the return hour is counted
};

}  // namespace munisim
