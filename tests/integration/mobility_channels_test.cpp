// What the mobility service publishes at the end of each day's travel: the day's own series values,
// and road congestion as driving time over free-flow time.
#include "sim/mobility/mobility_channels.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "sim/mobility/mobility_service.hpp"
#include "tests/support/registered_services.hpp"

namespace munisim {
namespace {

TEST(MobilityChannels, PublishedValuesAreTheDaysSeriesAndCongestionIsAtLeastFreeFlow) {
  testing::RegisteredServices services(
      load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml",
                    {"days=3", "mobility.roads.lane_capacity_veh_per_h=100", "mobility.roads.bpr_alpha=10"}));
  Registration& registration = services.registration();
  const ScenarioConfig& config = services.config();
  register_mobility(registration, services.city(), config.mobility, config.city.transit, config.climate);
  const auto day = registration.channels.read<MobilityDay>(kMobilityDayChannel, "reader", Timing::same_day);
  const auto roads = registration.channels.read<RoadCongestion>(kRoadCongestionChannel, "reader", Timing::same_day);
  std::vector<MobilityDay> days;
  std::vector<RoadCongestion> congestion;
  registration.scheduler.add("reader", Cycle::daily(), [&](const StepContext&) {
    days.push_back(*day);
    congestion.push_back(*roads);
  });
  services.run();
  ASSERT_EQ(days.size(), 3U);
  for (int d = 0; d < 3; ++d) {
    const MobilityDay& today = days[static_cast<std::size_t>(d)];
    const auto sum = [](const std::vector<double>& values) {
      return std::accumulate(values.begin(), values.end(), 0.0);
    };
    EXPECT_EQ(today.districts, 3U);
    EXPECT_NEAR(sum(today.trips_by_district_mode), services.total("mobility_trips", d), 1e-6);
    EXPECT_NEAR(sum(today.trips_by_gender_mode), services.total("mobility_trips", d), 1e-6);
    EXPECT_EQ(today.transit_wait_min_by_gender.size(), 2U);
    EXPECT_EQ(sum(today.denied_boardings_by_line_hour), services.total("transit_denied_boardings", d));
    EXPECT_LE(sum(today.crowded_boardings_by_line_hour), services.total("transit_boardings", d));
    EXPECT_EQ(today.operator_cost_soles, services.total("transit_operator_cost_soles", d));
    EXPECT_EQ(today.fare_revenue_soles, services.total("transit_fare_revenue_soles", d));
    EXPECT_NEAR(today.emissions_tco2e, services.total("mobility_emissions_tco2e", d), 1e-12);
    const std::vector<double>& factor = congestion[static_cast<std::size_t>(d)].travel_time_factor;
    ASSERT_EQ(factor.size(), 3U * 3U * RoadCongestion::kHours);
    EXPECT_GE(*std::min_element(factor.begin(), factor.end()), 1.0);
    EXPECT_GT(*std::max_element(factor.begin(), factor.end()), 1.5);  // jammed roads
  }
}

}  // namespace
}  // namespace munisim
