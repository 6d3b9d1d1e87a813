#include "sim/mobility/activities.hpp"

#include <algorithm>
#include <cmath>

namespace munisim {
namespace {

constexpr std::uint8_t kChildren = 0;  // age group 0-14
constexpr std::uint8_t kYoung = 1;     // 15-29
constexpr std::uint8_t kElderly = 4;   // 65+

}  // namespace

ActivityModel::ActivityModel(const ActivitiesConfig& config, const TravelSkims& skims,
                             const std::vector<double>& population)
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

std::uint32_t ActivityModel::destination(Purpose purpose, std::uint32_t origin, double draw) const {
  const auto first = cumulative_.begin() + static_cast<std::ptrdiff_t>((purpose * districts_ + origin) * districts_);
  const auto last = first + static_cast<std::ptrdiff_t>(districts_);
  const auto found = std::upper_bound(first, last, draw * *(last - 1));
  return static_cast<std::uint32_t>(
      std::min<std::ptrdiff_t>(found - first, static_cast<std::ptrdiff_t>(districts_) - 1));
}

int ActivityModel::hour(const ActivityTiming& timing, RandomStream& stream) const {
  const double hour = stream.normal(timing.departure_hour, timing.departure_sd_h);
  return std::clamp(static_cast<int>(std::floor(hour)), 0, 23);
}

void ActivityModel::tour(DayTrips& day, Purpose purpose, std::uint32_t home, const ActivityTiming& timing,
                         RandomStream& stream) const {
  const std::uint32_t place = destination(purpose, home, stream.uniform());
  const int out = hour(timing, stream);
  day.trips[day.count++] = {purpose, home, place, out};
  day.trips[day.count++] = {purpose, place, home, std::min(23, out + static_cast<int>(std::lround(timing.duration_h)))};
}

DayTrips ActivityModel::plan(const Traveller& person, int weekday, RandomStream& stream) const {
  DayTrips day;
  const auto wd = static_cast<std::size_t>(weekday);
  const bool weekend = weekday >= 5;
  const bool adult = person.age_group > kChildren;
  const double discretionary = weekend ? config_.weekend_discretionary_factor : 1.0;
  const bool student = person.age_group == kChildren ||
                       (person.age_group == kYoung && !person.employed && stream.uniform() < config_.students_15_29);
  const bool works = person.employed && stream.uniform() < config_.work_by_weekday[wd];
  const bool cares = adult && person.age_group < kElderly && stream.uniform() < config_.care_by_gender[person.gender];

  if (works && cares && stream.uniform() < config_.care_chained_share) {
    // Escort on the way to work: home -> care place -> work -> home, one trip more than work alone.
    const std::uint32_t care_place = destination(kCare, person.home, stream.uniform());
    const std::uint32_t work_place = destination(kWork, care_place, stream.uniform());
    const int out = hour(config_.work, stream);
    day.trips[day.count++] = {kCare, person.home, care_place, out};
    day.trips[day.count++] = {kWork, care_place, work_place, out};
    day.trips[day.count++] = {kWork, work_place, person.home,
                              std::min(23, out + static_cast<int>(std::lround(config_.work.duration_h)))};
  } else {
    if (works) tour(day, kWork, person.home, config_.work, stream);
    if (cares) tour(day, kCare, person.home, config_.care, stream);
  }
  if (student && stream.uniform() < config_.study_by_weekday[wd]) {
    tour(day, kStudy, person.home, config_.study, stream);
  }
  const double scale = adult ? 1.0 : 0.5;  // children go shopping and out mostly with their carers
  if (stream.uniform() < std::min(1.0, scale * discretionary * config_.shopping_by_gender[person.gender])) {
    tour(day, kShopping, person.home, config_.shopping, stream);
  }
  if (stream.uniform() < std::min(1.0, scale * discretionary * config_.other_by_gender[person.gender])) {
    tour(day, kOther, person.home, config_.other, stream);
  }
  return day;
}

}  // namespace munisim
