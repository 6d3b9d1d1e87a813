// The per-trip path the mobility service took before its tables, kept only as the reference they
// are tested against: each citizen has a Philox stream of its own, draws one uniform per tour
// decision, a normal departure time per tour (Box-Muller) and evaluates the logit for every trip.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/mobility/mode_choice.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim::testing {

struct ReferenceTrip {
  Purpose purpose = kOther;
  std::uint32_t origin = 0;
  std::uint32_t destination = 0;
  std::uint32_t hour = 0;
};

struct ReferencePerson {
  std::uint32_t home = 0;  // district
  std::uint8_t gender = 0;
  std::uint8_t age_group = 0;
  bool employed = false;
};

class ReferenceTravel {
 public:
  ReferenceTravel(const ActivitiesConfig& config, const TravelSkims& skims, const std::vector<double>& population)
      : config_(config), districts_(skims.districts()) {
    cumulative_.resize(kPurposes * districts_ * districts_);
    for (std::size_t p = 0; p < kPurposes; ++p) {
      for (std::size_t o = 0; o < districts_; ++o) {
        double total = 0;
        for (std::size_t d = 0; d < districts_; ++d) {
          total += population[d] * std::exp(-config.distance_decay_per_km[p] * skims.distance_km(skims.pair(o, d)));
          cumulative_[(p * districts_ + o) * districts_ + d] = total;
        }
      }
    }
  }

  [[nodiscard]] std::vector<ReferenceTrip> plan(const ReferencePerson& person, int weekday,
                                                RandomStream& stream) const {
    std::vector<ReferenceTrip> day;
    const auto wd = static_cast<std::size_t>(weekday);
    const bool adult = person.age_group > 0;
    const double discretionary = weekday >= 5 ? config_.weekend_discretionary_factor : 1.0;
    const bool student = person.age_group == 0 ||
                         (person.age_group == 1 && !person.employed && stream.uniform() < config_.students_15_29);
    const bool works = person.employed && stream.uniform() < config_.work_by_weekday[wd];
    const bool cares = adult && person.age_group < 4 && stream.uniform() < config_.care_by_gender[person.gender];
    if (works && cares && stream.uniform() < config_.care_chained_share) {
      const std::uint32_t care_place = destination(kCare, person.home, stream.uniform());
      const std::uint32_t work_place = destination(kWork, care_place, stream.uniform());
      const std::uint32_t out = hour(config_.work, stream);
      day.push_back({kCare, person.home, care_place, out});
      day.push_back({kWork, care_place, work_place, out});
      day.push_back({kWork, work_place, person.home, back(config_.work, out)});
    } else {
      if (works) tour(day, kWork, person.home, config_.work, stream);
      if (cares) tour(day, kCare, person.home, config_.care, stream);
    }
    if (student && stream.uniform() < config_.study_by_weekday[wd]) {
      tour(day, kStudy, person.home, config_.study, stream);
    }
    const double scale = adult ? 1.0 : 0.5;
    if (stream.uniform() < std::min(1.0, scale * discretionary * config_.shopping_by_gender[person.gender])) {
      tour(day, kShopping, person.home, config_.shopping, stream);
    }
    if (stream.uniform() < std::min(1.0, scale * discretionary * config_.other_by_gender[person.gender])) {
      tour(day, kOther, person.home, config_.other, stream);
    }
    return day;
  }

  // The logit evaluated for one trip and one uniform draw.
  [[nodiscard]] static Mode choose(const ModeChoice& choice, const TripConditions& trip, const Chooser& who,
                                   const SafetyMeasures& safety, double draw) {
    const std::array<double, kModes> utility = choice.utilities(trip, who, safety);
    const double top = *std::max_element(utility.begin(), utility.end());
    std::array<double, kModes> cumulative{};
    double total = 0;
    for (std::size_t m = 0; m < kModes; ++m) cumulative[m] = total += std::exp(utility[m] - top);
    std::size_t chosen = 0;
    while (chosen + 1 < kModes && draw * total >= cumulative[chosen]) ++chosen;
    while (chosen > 0 && std::isinf(utility[chosen])) --chosen;
    return static_cast<Mode>(chosen);
  }

 private:
  [[nodiscard]] std::uint32_t destination(Purpose purpose, std::uint32_t origin, double draw) const {
    const auto first = cumulative_.begin() + static_cast<std::ptrdiff_t>((purpose * districts_ + origin) * districts_);
    const auto last = first + static_cast<std::ptrdiff_t>(districts_);
    const auto found = std::upper_bound(first, last, draw * *(last - 1));
    return static_cast<std::uint32_t>(
        std::min<std::ptrdiff_t>(found - first, static_cast<std::ptrdiff_t>(districts_) - 1));
  }
  static std::uint32_t hour(const ActivityTiming& timing, RandomStream& stream) {
    const double hour = stream.normal(timing.departure_hour, timing.departure_sd_h);
    return static_cast<std::uint32_t>(std::clamp(static_cast<int>(std::floor(hour)), 0, 23));
  }
  static std::uint32_t back(const ActivityTiming& timing, std::uint32_t out) {
    return std::min<std::uint32_t>(23, out + static_cast<std::uint32_t>(std::lround(timing.duration_h)));
  }
  void tour(std::vector<ReferenceTrip>& day, Purpose purpose, std::uint32_t home, const ActivityTiming& timing,
            RandomStream& stream) const {
    const std::uint32_t place = destination(purpose, home, stream.uniform());
    const std::uint32_t out = hour(timing, stream);
    day.push_back({purpose, home, place, out});
    day.push_back({purpose, place, home, back(timing, out)});
  }

  const ActivitiesConfig& config_;
  std::size_t districts_;
  std::vector<double> cumulative_;  // [purpose][origin][destination], cumulative weights
};

}  // namespace munisim::testing
