#include "sim/mobility/activities.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/mobility/departure_choice.hpp"

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
      if (config.departure_choice.enabled) {
        double total = 0;
        for (const double weight : pull) total += weight;
        for (const double weight : pull) destination_chances_.push_back(total > 0 ? weight / total : 0.0);
      }
    }
  }
  if (config.departure_choice.enabled) {
    hour_rows_ = districts_;
    origin_stride_ = 1;
  }
  hours_.resize(kPurposes * hour_rows_ * kHours);
  for (std::size_t p = 0; p < kPurposes; ++p) {
    const auto purpose = static_cast<Purpose>(p);
    base_hours_[p] = hour_chances(purpose);
    for (std::size_t row = 0; row < hour_rows_; ++row) {
      build_alias(base_hours_[p], std::span(hours_).subspan((p * hour_rows_ + row) * kHours, kHours));
    }
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

void ActivityModel::choose_departures(std::span<const double> segment_loss) {
  if (!config_.departure_choice.enabled) return;
  const std::size_t d = districts_;
  HourShares cost{};
  for (std::size_t p = 0; p < kPurposes; ++p) {
    const auto purpose = static_cast<Purpose>(p);
    for (std::size_t origin = 0; origin < d; ++origin) {
      const double* chance = &destination_chances_[(p * d + origin) * d];
      for (std::size_t h = 0; h < kHours; ++h) {
        const std::size_t back = return_hour(purpose, static_cast<std::uint32_t>(h));
        double expected = 0;
        for (std::size_t to = 0; to < d; ++to) {
          expected += chance[to] * (segment_loss[(origin * d + to) * kHours + h] +
                                    segment_loss[(to * d + origin) * kHours + back]);
        }
        cost[h] = expected;
      }
      build_alias(chosen_hour_shares(base_hours_[p], cost, config_.departure_choice),
                  std::span(hours_).subspan((p * hour_rows_ + origin) * kHours, kHours));
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
