// The waste service through its channels, as a department will see it: what it publishes every
// day, the directives it obeys from the day after they are written, and trucks slowed by the
// congestion mobility publishes.
#include "sim/waste/waste_channels.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "sim/model/simulation.hpp"
#include "sim/waste/register_waste.hpp"
#include "tests/support/registered_services.hpp"

namespace munisim {
namespace {

Scenario demo(std::vector<std::string> overrides) {
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", std::move(overrides));
}

// The waste service alone, with a stand-in department registered after it that records what waste
// published and writes the directives `direct` returns for each day.
class WasteWithDepartment : public testing::RegisteredServices {
 public:
  using Direct = std::function<waste::Directives(int day)>;

  WasteWithDepartment(Scenario scenario, const Direct& direct) : RegisteredServices(std::move(scenario)) {
    register_waste(registration(), city(), config().waste, config().climate);
    Channels& channels = registration().channels;
    const auto districts = channels.read<waste::DistrictDay>(waste::kDistrictsChannel, "department", Timing::same_day);
    const auto city_day = channels.read<waste::CityDay>(waste::kCityChannel, "department", Timing::same_day);
    auto directives = channels.publish<waste::Directives>(waste::kDirectivesChannel, "department");
    registration().scheduler.add("department", Cycle::daily(),
                                 [this, districts, city_day, directives, direct](const StepContext& step) mutable {
                                   seen_districts.push_back(*districts);
                                   seen_city.push_back(*city_day);
                                   directives.set(direct(step.day));
                                 });
  }

  std::vector<waste::DistrictDay> seen_districts;
  std::vector<waste::CityDay> seen_city;
};

waste::Directives none(int) { return {}; }

TEST(WasteChannels, PublishedDistrictAndCityValuesMatchTheSeries) {
  WasteWithDepartment run(demo({"days=10"}), none);
  run.run();
  ASSERT_EQ(run.seen_districts.size(), 10U);
  for (int day = 0; day < 10; ++day) {
    const waste::DistrictDay& districts = run.seen_districts[static_cast<std::size_t>(day)];
    const waste::CityDay& city = run.seen_city[static_cast<std::size_t>(day)];
    EXPECT_DOUBLE_EQ(std::accumulate(districts.collected_t.begin(), districts.collected_t.end(), 0.0),
                     run.total("waste_collected_t", day));
    EXPECT_DOUBLE_EQ(std::accumulate(districts.street_stock_t.begin(), districts.street_stock_t.end(), 0.0),
                     run.total("waste_street_stock_t", day));
    EXPECT_DOUBLE_EQ(std::accumulate(districts.missed_visit.begin(), districts.missed_visit.end(), 0.0),
                     run.total("waste_missed_zone_visits", day));
    EXPECT_NEAR(std::accumulate(city.cost_soles.begin(), city.cost_soles.end(), 0.0),
                run.total("waste_cost_soles", day), 1e-9);
    EXPECT_NEAR(city.emissions_tco2e, run.total("waste_emissions_tco2e", day), 1e-12);
    EXPECT_EQ(city.trucks_in_fleet, 3);
    EXPECT_EQ(city.trucks_available, static_cast<int>(run.total("waste_trucks_available", day)));
    // Three collection days a week: Monday, Wednesday, Friday (2025-01-01 is a Wednesday).
    const bool collection_day = day % 7 == 0 || day % 7 == 2 || day % 7 == 5;
    EXPECT_EQ(districts.collection_day, std::vector<std::uint8_t>(3, collection_day ? 1 : 0)) << "day " << day;
  }
}

TEST(WasteChannels, RecoveryVisitCollectsOnANonCollectionDayFromTheNextDay) {
  // Day 1 (Thursday) is no collection day; the department orders a visit to Playa on day 0.
  const auto playa_on_day_1 = [](int day) {
    waste::Directives directives;
    if (day == 0) directives.recovery_visit_by_district = {0, 0, 1};
    return directives;
  };
  WasteWithDepartment ordered(demo({"days=3"}), playa_on_day_1);
  WasteWithDepartment baseline(demo({"days=3"}), none);
  ordered.run();
  baseline.run();
  const waste::DistrictDay& thursday = ordered.seen_districts[1];
  EXPECT_EQ(thursday.collection_day[2], 0);
  EXPECT_EQ(baseline.seen_districts[1].collected_t[2], 0);
  EXPECT_GT(thursday.collected_t[2], 0);
  EXPECT_EQ(thursday.collected_t[0], 0);  // only the district named
  EXPECT_LT(thursday.street_stock_t[2], baseline.seen_districts[1].street_stock_t[2]);
  EXPECT_GT(ordered.total("waste_truck_km", 1), 0);
  // Day 0's collection is untouched: the directive is read the day after it is written.
  EXPECT_EQ(ordered.seen_districts[0].collected_t, baseline.seen_districts[0].collected_t);
}

TEST(WasteChannels, TrucksInServiceCapsTheTrucksWorking) {
  const auto one_truck = [](int) { return waste::Directives{{}, 1}; };
  WasteWithDepartment capped(demo({"days=8"}), one_truck);
  WasteWithDepartment baseline(demo({"days=8"}), none);
  capped.run();
  baseline.run();
  double capped_km = 0, baseline_km = 0;
  for (int day = 1; day < 8; ++day) {
    capped_km += capped.total("waste_truck_km", day);
    baseline_km += baseline.total("waste_truck_km", day);
  }
  EXPECT_GT(capped_km, 0);
  EXPECT_LT(capped_km, baseline_km);
  EXPECT_EQ(capped.total("waste_truck_km", 0), baseline.total("waste_truck_km", 0));
}

TEST(WasteChannels, CongestionAwareTrucksTakeLongerWhenRoadsAreJammed) {
  // Very little road capacity: the demo's traffic jams every corridor.
  const std::vector<std::string> jammed = {"days=8", "mobility.roads.lane_capacity_veh_per_h=100",
                                           "mobility.roads.bpr_alpha=10"};
  std::vector<std::string> aware = jammed;
  aware.push_back("waste.collection.congestion_aware=true");
  Simulation free_flow(demo(jammed), 2);
  Simulation heeding(demo(aware), 2);
  free_flow.run();
  heeding.run();
  const auto hours = [](const Simulation& s, int day) { return s.metrics().find("waste_truck_hours")->get(day, 0); };
  // Day 0 knows no traffic yet; after it, every collection day takes longer.
  EXPECT_EQ(hours(heeding, 0), hours(free_flow, 0));
  double extra = 0;
  for (int day = 1; day < 8; ++day) {
    EXPECT_GE(hours(heeding, day), hours(free_flow, day)) << "day " << day;
    extra += hours(heeding, day) - hours(free_flow, day);
  }
  EXPECT_GT(extra, 0.5);
  // Without the switch the fleet ignores traffic entirely.
  Simulation plain(demo({"days=8"}), 2);
  plain.run();
  for (int day = 0; day < 8; ++day) EXPECT_EQ(hours(plain, day), hours(free_flow, day));
}

}  // namespace
}  // namespace munisim
