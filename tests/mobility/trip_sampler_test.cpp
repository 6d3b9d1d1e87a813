// The table-sampled trips are a draw from the same model as the per-trip reference path: on the
// demo city, trips by mode, gender and purpose, by hour, and the loads between district pairs
// agree within sampling error; the counts do not depend on the thread count.
#include "sim/mobility/trip_sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "sim/scenario/loader.hpp"
#include "tests/mobility/reference_travel.hpp"

namespace munisim {
namespace {

constexpr int kDays = 28;
constexpr std::uint64_t kSeed = 11;

// What each segment offers: enough variety that every term of the logit matters.
std::vector<TripConditions> offers(const TravelSkims& skims) {
  std::vector<TripConditions> segments(skims.districts() * skims.districts() * kHours);
  for (std::size_t pair = 0; pair < skims.districts() * skims.districts(); ++pair) {
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const bool peak = (hour >= 7 && hour < 9) || (hour >= 17 && hour < 19);
      TripConditions& trip = segments[pair * kHours + hour];
      trip.distance_km = skims.distance_km(pair);
      trip.car_time_min = skims.free_time_min(pair) * (peak ? 1.8 : 1.0);
      trip.night = hour >= 19 || hour < 6;
      trip.transit = hour >= 5 && hour < 23;
      trip.transit_ride_min = trip.distance_km / 15 * 60;
      trip.transit_wait_min = peak ? 8 : 5;
      trip.transit_walk_km = 0.4;
      trip.transit_fare_soles = 1.5;
      trip.transit_load_factor = peak ? 1.1 : 0.5;
      trip.transit_transfer = pair % 3 == 1;
    }
  }
  return segments;
}

struct DemoCity {
  Scenario scenario = load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml");
  Parallelism parallel{2};
  City city = build_synthetic_city(scenario.config.city, kSeed, parallel);
  TravelSkims skims{city, parallel};
  std::vector<double> population;
  std::vector<std::uint8_t> has_car;
  DemoCity() {
    for (const District& district : city.districts) population.push_back(static_cast<double>(district.population));
    for (std::size_t h = 0; h < city.households.size(); ++h) {
      RandomStream stream(kSeed, h, 0, 99);
      has_car.push_back(stream.bernoulli(0.3) ? 1 : 0);
    }
  }
};

DemoCity& demo() {
  static DemoCity city;
  return city;
}

// The reference path's counts in the sampler's layout, summed over the days.
TripCounts reference_counts(const std::vector<TripConditions>& segments, const ModeChoice& choice,
                            const SafetyMeasures& safety) {
  const DemoCity& d = demo();
  const testing::ReferenceTravel travel(d.scenario.config.mobility.activities, d.skims, d.population);
  const auto district = d.city.citizens.column<std::uint32_t>("district");
  const auto household = d.city.citizens.column<std::uint32_t>("household");
  const auto gender = d.city.citizens.column<std::uint8_t>("gender");
  const auto age = d.city.citizens.column<std::uint8_t>("age_group");
  const auto income = d.city.citizens.column<std::uint8_t>("income_group");
  const auto employed = d.city.citizens.column<std::uint8_t>("employed");
  const auto weight = d.city.citizens.column<double>("weight_persons");
  const std::size_t districts = d.skims.districts();
  TripCounts counts;
  counts.by_segment_mode_gender.assign(segments.size() * kModes * kGenders, 0.0);
  for (int day = 0; day < kDays; ++day) {
    for (std::size_t c = 0; c < d.city.citizens.size(); ++c) {
      RandomStream stream(kSeed, c, static_cast<std::uint32_t>(day), stream_purpose("reference"));
      const std::uint8_t g = gender[c];
      const auto trips = travel.plan({district[c], g, age[c], employed[c] != 0}, day % 7, stream);
      const Chooser who{g, income[c], age[c] >= 1 && age[c] <= 3, d.has_car[household[c]] != 0 && age[c] >= 1};
      counts.persons[g] += weight[c];
      if (!trips.empty()) counts.travelling[g] += weight[c];
      for (const testing::ReferenceTrip& trip : trips) {
        const std::size_t segment = (trip.origin * districts + trip.destination) * kHours + trip.hour;
        const Mode m = testing::ReferenceTravel::choose(choice, segments[segment], who, safety, stream.uniform());
        counts.by_segment_mode_gender[(segment * kModes + m) * kGenders + g] += weight[c];
        counts.by_mode_gender_purpose[(m * kGenders + g) * kPurposes + trip.purpose] += weight[c];
      }
    }
  }
  return counts;
}

TripCounts sampled_counts(const std::vector<TripConditions>& segments, const ModeChoice& choice,
                          const SafetyMeasures& safety, int threads, int days) {
  DemoCity& d = demo();
  const ActivityModel activities(d.scenario.config.mobility.activities, d.skims, d.population);
  ModeTable modes;
  Parallelism parallel(threads);
  modes.build(parallel, segments, choice, safety);
  TripSampler sampler(d.city, d.has_car);
  TripCounts total;
  total.by_segment_mode_gender.assign(segments.size() * kModes * kGenders, 0.0);
  for (int day = 0; day < days; ++day) {
    const TripCounts counts = sampler.day(parallel, kSeed, day, static_cast<std::size_t>(day % 7), activities, modes);
    for (std::size_t i = 0; i < total.by_segment_mode_gender.size(); ++i) {
      total.by_segment_mode_gender[i] += counts.by_segment_mode_gender[i];
    }
    for (std::size_t i = 0; i < total.by_mode_gender_purpose.size(); ++i) {
      total.by_mode_gender_purpose[i] += counts.by_mode_gender_purpose[i];
    }
    for (std::size_t g = 0; g < kGenders; ++g) {
      total.persons[g] += counts.persons[g];
      total.travelling[g] += counts.travelling[g];
    }
  }
  return total;
}

// Sums over the segments' cells grouped by key(segment, mode).
template <class Key>
std::vector<double> grouped(const TripCounts& counts, std::size_t groups, Key key) {
  std::vector<double> sums(groups, 0.0);
  for (std::size_t cell = 0; cell < counts.by_segment_mode_gender.size(); ++cell) {
    const std::size_t segment = cell / kGenders / kModes;
    sums[key(segment, cell / kGenders % kModes)] += counts.by_segment_mode_gender[cell];
  }
  return sums;
}

// Two independent draws of a weighted count agree within five standard errors. A person makes at
// most three trips of one kind a day, so a count's variance is at most 3 x weight x its mean.
void expect_agree(const std::vector<double>& sampled, const std::vector<double>& reference, double weight,
                  const char* what) {
  ASSERT_EQ(sampled.size(), reference.size());
  for (std::size_t i = 0; i < sampled.size(); ++i) {
    const double tolerance = 5 * std::sqrt(3 * weight * (sampled[i] + reference[i])) + 1e-9;
    EXPECT_NEAR(sampled[i], reference[i], tolerance) << what << " " << i;
  }
}

TEST(TripSampler, AgreesWithThePerTripPathWithinSamplingError) {
  const DemoCity& d = demo();
  const ModeChoice choice(d.scenario.config.mobility.mode_choice, 0.8);
  const SafetyMeasures safety{.lighting = 0.5};
  const std::vector<TripConditions> segments = offers(d.skims);
  const TripCounts sampled = sampled_counts(segments, choice, safety, 2, kDays);
  const TripCounts reference = reference_counts(segments, choice, safety);
  const double weight = d.city.citizens.column<double>("weight_persons")[0];

  for (std::size_t g = 0; g < kGenders; ++g)
    EXPECT_NEAR(sampled.persons[g], reference.persons[g], 1e-9 * reference.persons[g]);
  expect_agree({sampled.travelling.begin(), sampled.travelling.end()},
               {reference.travelling.begin(), reference.travelling.end()}, weight, "travelling, gender");
  expect_agree({sampled.by_mode_gender_purpose.begin(), sampled.by_mode_gender_purpose.end()},
               {reference.by_mode_gender_purpose.begin(), reference.by_mode_gender_purpose.end()}, weight,
               "trips by mode, gender and purpose");
  const auto by_pair_mode = [](std::size_t segment, std::size_t mode) { return segment / kHours * kModes + mode; };
  const std::size_t pairs = d.skims.districts() * d.skims.districts();
  expect_agree(grouped(sampled, pairs * kModes, by_pair_mode), grouped(reference, pairs * kModes, by_pair_mode), weight,
               "loads by district pair and mode");
  const auto by_hour_mode = [](std::size_t segment, std::size_t mode) { return segment % kHours * kModes + mode; };
  expect_agree(grouped(sampled, kHours * kModes, by_hour_mode), grouped(reference, kHours * kModes, by_hour_mode),
               weight, "trips by hour and mode");
  // The comparison has power: about 2 trips per person and day, and every mode used.
  double trips = 0;
  for (double count : sampled.by_mode_gender_purpose) trips += count;
  EXPECT_GT(trips, 1.5 * (sampled.persons[0] + sampled.persons[1]));
}

TEST(TripSampler, CountsAreBitIdenticalForOneTwoAndThreeThreads) {
  const DemoCity& d = demo();
  const ModeChoice choice(d.scenario.config.mobility.mode_choice, 0.8);
  const std::vector<TripConditions> segments = offers(d.skims);
  const TripCounts one = sampled_counts(segments, choice, {}, 1, 2);
  for (int threads : {2, 3}) {
    const TripCounts other = sampled_counts(segments, choice, {}, threads, 2);
    EXPECT_EQ(std::memcmp(one.by_segment_mode_gender.data(), other.by_segment_mode_gender.data(),
                          one.by_segment_mode_gender.size() * sizeof(double)),
              0)
        << threads << " threads";
    EXPECT_EQ(one.by_mode_gender_purpose, other.by_mode_gender_purpose) << threads << " threads";
    EXPECT_EQ(one.travelling, other.travelling) << threads << " threads";
  }
}

}  // namespace
}  // namespace munisim
