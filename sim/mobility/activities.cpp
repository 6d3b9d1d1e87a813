#include "sim/mobility/activities.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace munisim {
namespace {

constexpr std::uint8_t kChildren = 0;  // age group 0-14
constexpr std::uint8_t kYoung = 1;     // 15-29
constexpr std::uint8_t kElderly = 4;   // 65+

const ActivityTiming& timing(const ActivitiesConfig& config, Purpose purpose) {
  const std::array<const ActivityTiming*, kPurposes> by_purpose = {&config.work, &config.study, &config.care,
                                                                   &config.shopping, &config.other};
  return *by_purpose[purpose];
}

double normal_below(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

}  // namespace

ActivityModel::ActivityModel(const ActivitiesConfig& config, const TravelSkims& skims,
                             const std::vector<double>& population)
    : config_(config), districts_(skims.districts()) {
  destinations_.resize(kPurposes * districts_ * districts_);
  std::vector<double> pull(districts_);
  for (std::size_t p = 0; p < kPurposes; ++p) {
    for (std::size_t o = 0; o < districts_; ++o) {
      for (std::size_t d = 0; d < districts_; ++d) {
        pull[d] = population[d] * std::exp(-config.distance_decay_per_km[p] * skims.distance_km(skims.pair(o, d)));
      }
      build_alias(pull, std::span(destinations_).subspan((p * districts_ + o) * districts_, districts_));
    }
  }
  hours_.resize(kPurposes * kHours);
  for (std::size_t p = 0; p < kPurposes; ++p) {
    const auto purpose = static_cast<Purpose>(p);
    build_alias(hour_chances(purpose), std::span(hours_).subspan(p * kHours, kHours));
    duration_h_[p] = static_cast<std::uint32_t>(std::lround(timing(config, purpose).duration_h));
  }
  patterns_.resize(7 * kTravellerTypes * kTourPatterns);
  for (std::size_t weekday = 0; weekday < 7; ++weekday) {
    for (std::size_t type = 0; type < kTravellerTypes; ++type) {
      build_alias(pattern_chances(weekday, type),
                  std::span(patterns_).subspan((weekday * kTravellerTypes + type) * kTourPatterns, kTourPatterns));
    }
  }
}

std::array<double, kHours> ActivityModel::hour_chances(Purpose purpose) const {
  const ActivityTiming& when = timing(config_, purpose);
  std::array<double, kHours> chance{};
  if (when.departure_sd_h <= 0) {
    chance[static_cast<std::size_t>(std::clamp(static_cast<int>(std::floor(when.departure_hour)), 0, 23))] = 1;
    return chance;
  }
  const auto below = [&](double hour) { return normal_below((hour - when.departure_hour) / when.departure_sd_h); };
  for (std::size_t h = 0; h < kHours; ++h) {
    const double from = h == 0 ? 0.0 : below(static_cast<double>(h));
    const double to = h == 23 ? 1.0 : below(static_cast<double>(h + 1));
    chance[h] = to - from;
  }
  return chance;
}

std::array<double, kTourPatterns> ActivityModel::pattern_chances(std::size_t weekday, std::size_t type) const {
  const ActivitiesConfig& c = config_;
  const bool employed = type % 2 == 1;
  const std::size_t gender = type / 2 % kGenders;
  const std::size_t age = type / 2 / kGenders;
  const bool adult = age != kChildren;
  const double student = age == kChildren ? 1.0 : age == kYoung && !employed ? c.students_15_29 : 0.0;
  const double discretionary = (weekday >= 5 ? c.weekend_discretionary_factor : 1.0) * (adult ? 1.0 : 0.5);
  // Children go shopping and out mostly with their carers, hence half an adult's chance.
  const std::array<std::pair<std::uint32_t, double>, 5> tours = {{
      {kWorkTour, employed ? c.work_by_weekday[weekday] : 0.0},
      {kCareTour, adult && age < kElderly ? c.care_by_gender[gender] : 0.0},
      {kStudyTour, student * c.study_by_weekday[weekday]},
      {kShoppingTour, std::min(1.0, discretionary * c.shopping_by_gender[gender])},
      {kOtherTour, std::min(1.0, discretionary * c.other_by_gender[gender])},
  }};
  std::array<double, kTourPatterns> chance{};
  for (std::uint32_t pattern = 0; pattern < kTourPatterns; ++pattern) {
    double p = 1;
    for (const auto& [bit, made] : tours) p *= pattern & bit ? made : 1 - made;
    const bool both = (pattern & kWorkTour) != 0 && (pattern & kCareTour) != 0;
    if ((pattern & kChainedCare) != 0) {
      p *= both ? c.care_chained_share : 0.0;
    } else if (both) {
      p *= 1 - c.care_chained_share;
    }
    chance[pattern] = p;
  }
  return chance;
}

}  // namespace munisim
