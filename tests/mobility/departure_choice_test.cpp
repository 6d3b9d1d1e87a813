// Departure-time choice against its formula: with no crowding the base hours are kept exactly;
// without schedule delay a cost on one hour scales its share by exp(-cost) (the logit); with
// schedule delay, a traveller preferring hour p leaves at h with the logit chance
// exp(-cost(h) - S(h - p)) / sum_k exp(-cost(k) - S(k - p)), and the base is reweighted by what that
// moves (docs/mobility.md, "Departure hours").
#include "sim/mobility/departure_choice.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "sim/mobility/activities.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

HourShares morning_base() {
  HourShares base{};
  base[5] = 0.1;
  base[6] = 0.3;
  base[7] = 0.4;
  base[8] = 0.15;
  base[9] = 0.05;
  return base;
}

DepartureChoiceConfig choice(double early, double late, double scale = 1) {
  return {.enabled = true, .early_utils_per_h = early, .late_utils_per_h = late, .cost_scale = scale};
}

TEST(DepartureChoice, WithoutCrowdingTheBaseHoursAreKeptExactly) {
  const HourShares base = morning_base();
  EXPECT_EQ(chosen_hour_shares(base, HourShares{}, choice(1.83, 7.2)), base);
  HourShares cost{};
  cost[7] = 2;
  EXPECT_EQ(chosen_hour_shares(base, cost, choice(1.83, 7.2, 0)), base) << "cost_scale 0 weighs no cost";
}

TEST(DepartureChoice, WithoutScheduleDelayACostScalesItsHourByTheLogit) {
  const HourShares base = morning_base();
  constexpr double kCost = 1.5;
  HourShares cost{};
  cost[7] = kCost;
  for (const double scale : {1.0, 2.0}) {
    const HourShares chosen = chosen_hour_shares(base, cost, choice(0, 0, scale));
    // Everyone may leave at any hour at no penalty: P(h) ∝ base(h) exp(-scale cost(h)).
    const double kept = std::exp(-scale * kCost);
    const double total = 1 - base[7] + base[7] * kept;
    for (std::size_t h = 0; h < kHours; ++h) {
      EXPECT_NEAR(chosen[h], base[h] * (h == 7 ? kept : 1.0) / total, 1e-15) << "hour " << h << " scale " << scale;
    }
  }
}

TEST(DepartureChoice, WithScheduleDelayTheSharesFollowTheLogitOverHours) {
  constexpr double kEarly = 1.83, kLate = 7.2, kCost = 2;
  const HourShares base = morning_base();
  HourShares cost{};
  cost[7] = kCost;
  // K(h | p) by its definition, with and without the cost.
  const auto kernel = [&](std::size_t h, std::size_t p, bool with_cost) {
    const auto utility = [&](std::size_t k) {
      const double shift = static_cast<double>(k) - static_cast<double>(p);
      return -(with_cost ? cost[k] : 0.0) - (shift < 0 ? -shift * kEarly : shift * kLate);
    };
    double total = 0;
    for (std::size_t k = 0; k < kHours; ++k) total += std::exp(utility(k));
    return std::exp(utility(h)) / total;
  };
  HourShares expected{};
  for (std::size_t h = 0; h < kHours; ++h) {
    double with_cost = 0, without = 0;
    for (std::size_t p = 0; p < kHours; ++p) {
      with_cost += base[p] * kernel(h, p, true);
      without += base[p] * kernel(h, p, false);
    }
    expected[h] = base[h] > 0 ? base[h] * with_cost / without : 0;
  }
  const double total = std::accumulate(expected.begin(), expected.end(), 0.0);
  const HourShares chosen = chosen_hour_shares(base, cost, choice(kEarly, kLate));
  for (std::size_t h = 0; h < kHours; ++h) EXPECT_NEAR(chosen[h], expected[h] / total, 1e-14) << "hour " << h;
  // Travellers leave the costly hour, mostly for the hour before it: leaving late costs more.
  EXPECT_LT(chosen[7], base[7]);
  EXPECT_GT(chosen[6] / base[6], chosen[8] / base[8]);
  EXPECT_GT(chosen[8], base[8]);
  // Hours far from the costly one gain less than its neighbour; hours without base share stay empty.
  EXPECT_GT(chosen[6] / base[6], chosen[5] / base[5]);
  EXPECT_EQ(chosen[3], 0);
}

// The activity model's daily tables: no crowding leaves every origin's hours as without departure
// choice, word for word; crowding at one origin's peak moves only that origin's departures.
TEST(DepartureChoice, ActivityTablesMoveOnlyWhereTransitIsCrowded) {
  Scenario scenario = load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml");
  Parallelism parallel{1};
  const City city = build_synthetic_city(scenario.config.city, 3, parallel);
  const TravelSkims skims(city, parallel);
  const std::vector<double> population(skims.districts(), 1000.0);
  ActivitiesConfig config = scenario.config.mobility.activities;
  const ActivityModel fixed(config, skims, population);
  config.departure_choice.enabled = true;
  ActivityModel choosing(config, skims, population);
  const std::size_t d = skims.districts();
  ASSERT_GE(d, 2u);
  std::vector<double> loss(d * d * kHours, 0.0);
  choosing.choose_departures(loss);
  constexpr std::uint32_t kWords = 1 << 16;
  const auto share_at = [&](const ActivityModel& model, std::uint32_t origin, std::uint32_t hour) {
    std::uint32_t hits = 0;
    for (std::uint32_t i = 0; i < kWords; ++i) hits += model.departure_hour(kWork, origin, i * 65537u) == hour ? 1u : 0u;
    return static_cast<double>(hits) / kWords;
  };
  for (std::uint32_t origin = 0; origin < d; ++origin) {
    for (std::uint32_t i = 0; i < kWords; i += 97) {
      ASSERT_EQ(choosing.departure_hour(kWork, origin, i * 65537u), fixed.departure_hour(kWork, 0, i * 65537u));
    }
  }
  // Crowded transit from district 0 at 7 h, every destination.
  for (std::size_t to = 0; to < d; ++to) loss[to * kHours + 7] = 3;
  choosing.choose_departures(loss);
  EXPECT_LT(share_at(choosing, 0, 7), share_at(fixed, 0, 7) - 0.05);
  EXPECT_GT(share_at(choosing, 0, 6), share_at(fixed, 0, 6));
  EXPECT_EQ(share_at(choosing, 1, 7), share_at(fixed, 1, 7));
}

}  // namespace
}  // namespace munisim
