// What transit riders lived, published by the district where their trips start and gender: the
// cells add up to the city's transit trips, denials and crowded boardings; insecurity is a share,
// higher for women, and safety measures on board lower it.
#include <gtest/gtest.h>

#include <numeric>

#include "sim/mobility/mobility_channels.hpp"
#include "sim/mobility/mobility_service.hpp"
#include "tests/support/registered_services.hpp"

namespace munisim {
namespace {

constexpr std::size_t kTransitMode = 2;  // bus_combi
constexpr int kExperienceDays = 3;

std::vector<MobilityDay> published_days(std::vector<std::string> overrides) {
  overrides.push_back("days=" + std::to_string(kExperienceDays));
  testing::RegisteredServices services(
      load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", overrides));
  Registration& registration = services.registration();
  const ScenarioConfig& config = services.config();
  register_mobility(registration, services.city(), config.mobility, config.city.transit, config.climate);
  const auto day = registration.channels.read<MobilityDay>(kMobilityDayChannel, "reader", Timing::same_day);
  std::vector<MobilityDay> days;
  registration.scheduler.add("reader", Cycle::daily(), [&](const StepContext&) { days.push_back(*day); });
  services.run();
  return days;
}

double sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

// Trip-weighted mean insecurity of one gender's transit riders over the city.
double mean_insecurity(const MobilityDay& day, std::size_t gender) {
  double trips = 0, insecurity = 0;
  for (std::size_t d = 0; d < day.districts; ++d) {
    const std::size_t cell = d * day.genders + gender;
    trips += day.transit_trips_by_district_gender[cell];
    insecurity += day.transit_trips_by_district_gender[cell] * day.insecurity_by_district_gender[cell];
  }
  return insecurity / trips;
}

TEST(MobilityExperience, DistrictGenderCellsAddUpToTheCityAndInsecurityIsAShareHigherForWomen) {
  const std::vector<MobilityDay> days = published_days({});
  ASSERT_EQ(days.size(), static_cast<std::size_t>(kExperienceDays));
  for (const MobilityDay& day : days) {
    const std::size_t cells = day.districts * day.genders;
    ASSERT_EQ(day.transit_trips_by_district_gender.size(), cells);
    ASSERT_EQ(day.transit_wait_min_by_district_gender.size(), cells);
    ASSERT_EQ(day.denied_by_district_gender.size(), cells);
    ASSERT_EQ(day.crowded_by_district_gender.size(), cells);
    ASSERT_EQ(day.insecurity_by_district_gender.size(), cells);
    for (std::size_t g = 0; g < day.genders; ++g) {
      double trips = 0;
      for (std::size_t d = 0; d < day.districts; ++d)
        trips += day.transit_trips_by_district_gender[d * day.genders + g];
      EXPECT_NEAR(trips, day.trips_by_gender_mode[g * day.modes + kTransitMode], 1e-6 * trips);
    }
    const double denied = sum(day.denied_boardings_by_line_hour);
    EXPECT_NEAR(sum(day.denied_by_district_gender), denied, 1e-9 * denied + 1e-9);
    const double crowded = sum(day.crowded_boardings_by_line_hour);
    EXPECT_NEAR(sum(day.crowded_by_district_gender), crowded, 1e-9 * crowded + 1e-9);
    for (std::size_t cell = 0; cell < cells; ++cell) {
      EXPECT_GE(day.transit_wait_min_by_district_gender[cell], 0.0);
      EXPECT_GE(day.insecurity_by_district_gender[cell], 0.0);
      EXPECT_LE(day.insecurity_by_district_gender[cell], 1.0);
    }
    EXPECT_GT(mean_insecurity(day, 0), mean_insecurity(day, 1));
  }
  EXPECT_GT(sum(days.back().denied_by_district_gender), 0.0);  // the demo's lines fill up
}

TEST(MobilityExperience, SafetyMeasuresOnBoardLowerWomensInsecurity) {
  const std::vector<MobilityDay> baseline = published_days({});
  for (const char* measure : {"staff_on_board", "women_only_vehicles"}) {
    const std::vector<MobilityDay> safer =
        published_days({std::string("mobility.measures=[{start_date: 2025-01-01, kind: ") + measure + ", value: 1}]"});
    double before = 0, after = 0;
    for (std::size_t day = 0; day < baseline.size(); ++day) {
      EXPECT_LE(mean_insecurity(safer[day], 0), mean_insecurity(baseline[day], 0)) << measure << " day " << day;
      before += mean_insecurity(baseline[day], 0);
      after += mean_insecurity(safer[day], 0);
    }
    EXPECT_LT(after, before) << measure;
  }
}

}  // namespace
}  // namespace munisim
