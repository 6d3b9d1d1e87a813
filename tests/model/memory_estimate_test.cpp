// The memory estimate on hand-built configurations: linear in the citizens with a part that does
// not depend on them, and for a city from city.ubigeo the bus routes provisioning will lay out and
// mobility's tables per district pair and hour. Its agreement with measured peaks is checked in
// tests/python/test_memory_limits.py.
#include "sim/model/memory_estimate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace munisim {
namespace {

// A city of `districts` districts of 100,000 residents each, 3.5 persons a household (exact).
ScenarioConfig city_of(int districts, std::int64_t sampling, bool from_tables, bool mobility) {
  ScenarioConfig config;
  config.days = 30;
  config.city.sampling = sampling;
  if (from_tables) config.city.ubigeo = "1501";
  for (int d = 0; d < districts; ++d) {
    DistrictConfig district;
    district.name = "district " + std::to_string(d);
    district.population = 100000;
    district.households = 28000;
    config.city.districts.push_back(district);
  }
  config.mobility.enabled = mobility;
  return config;
}

double bytes(const ScenarioConfig& config) { return static_cast<double>(estimate_memory(config).bytes); }

TEST(MemoryEstimate, GrowsLinearlyInTheCitizensAboveAPartThatDoesNotDependOnThem) {
  for (const bool mobility : {false, true}) {
    const double at_100 = bytes(city_of(43, 100, true, mobility));
    const double at_10 = bytes(city_of(43, 10, true, mobility));
    const double at_1 = bytes(city_of(43, 1, true, mobility));
    EXPECT_NEAR(at_1 - at_10, 10 * (at_10 - at_100), 16) << "mobility " << mobility;
    EXPECT_GT(at_100 - (at_10 - at_100) / 9, 0);  // what the city costs without citizens
  }
  EXPECT_EQ(estimate_memory(city_of(43, 1, true, true)).citizens, 4300000u);
  EXPECT_EQ(estimate_memory(city_of(43, 100, true, true)).households, 43u * 280u);
}

TEST(MemoryEstimate, ACityFromTheTablesCountsTheBusRoutesProvisioningLaysOut) {
  // 4.3 M residents: 287 routes of 15,000 persons; without provisioning or with a feed, none.
  const double provisioned = bytes(city_of(43, 100, true, false));
  ScenarioConfig unprovisioned = city_of(43, 100, true, false);
  unprovisioned.city.provisioning.enabled = false;
  ScenarioConfig imported = city_of(43, 100, true, false);
  imported.city.transit.gtfs = "feed.zip";
  EXPECT_EQ(bytes(unprovisioned), bytes(imported));
  EXPECT_NEAR(provisioned - bytes(unprovisioned), 287 * 20.0 * 1024, 1);
  // Twice the persons a line: half the routes (ceil(4.3e6 / 30,000) = 144).
  ScenarioConfig sparser = city_of(43, 100, true, false);
  sparser.city.provisioning.persons_per_bus_line = 30000;
  EXPECT_NEAR(bytes(sparser) - bytes(unprovisioned), 144 * 20.0 * 1024, 1);
}

TEST(MemoryEstimate, MobilityAddsTablesPerDistrictPairAndHourAndTheLinesSeries) {
  // Without the tables' routes, mobility adds its tables per origin, destination and hour: four
  // times as much for twice the districts.
  const auto mobility_part = [](int districts) {
    ScenarioConfig with = city_of(districts, 100, false, true);
    ScenarioConfig without = city_of(districts, 100, false, false);
    return bytes(with) - bytes(without);
  };
  EXPECT_NEAR(mobility_part(40), 4 * mobility_part(20), 4);
  // A city from the tables adds the line-by-hour series of each generated route both ways, every day.
  ScenarioConfig month = city_of(43, 100, true, true);
  ScenarioConfig two_months = month;
  two_months.days = 60;
  ScenarioConfig invented_month = city_of(43, 100, false, true);
  ScenarioConfig invented_two_months = invented_month;
  invented_two_months.days = 60;
  const double per_month_of_routes =
      (bytes(two_months) - bytes(month)) - (bytes(invented_two_months) - bytes(invented_month));
  EXPECT_GT(per_month_of_routes, 0);
  EXPECT_NEAR(per_month_of_routes, 2 * 287 * (5 * 24) * 30 * sizeof(double) * 1.25, 2);
}

}  // namespace
}  // namespace munisim
