// Fleet allocation by demand in running cities: Trujillo's registered fleet is in service at the
// peak and never more, the result does not depend on the thread count, and a headway measure still
// multiplies the allocated headways.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sim/model/simulation.hpp"
#include "tests/support/series_bits.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

Simulation trujillo_by_demand(int threads, std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), {"days=3", "city.sampling=4", "mobility.enabled=true"});
  return Simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo-by-demand.yaml", overrides),
                    threads);
}

double peak_vehicles(const Simulation& simulation, int day) {
  const auto values = simulation.metrics().find("transit_vehicles_in_service")->day(day);
  return *std::max_element(values.begin(), values.end());
}

TEST(FleetAllocationRun, TheRegisteredFleetRunsAtThePeakFromTheSecondDay) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  Simulation simulation = trujillo_by_demand(2);
  simulation.run();
  for (int day = 1; day < simulation.days_run(); ++day) EXPECT_NEAR(peak_vehicles(simulation, day), 2195, 1e-6);
}

std::vector<double> vehicles_in_service(const Simulation& simulation, int day) {
  const auto values = simulation.metrics().find("transit_vehicles_in_service")->day(day);
  return {values.begin(), values.end()};
}

// From Friday 2025-01-03: Saturday runs what Friday needed (no Saturday seen yet) and, remembering
// by kind of day, Monday runs what the last weekday (Friday) needed, not what Sunday did.
TEST(FleetAllocationRun, AMondayIsPlannedFromTheLastWeekdayNotFromSunday) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  const auto run = [](const std::string& by_kind) {
    Simulation simulation = trujillo_by_demand(
        2, {"start_date=2025-01-03", "days=4", "mobility.transit.remember_by_day_kind=" + by_kind});
    simulation.run();
    return std::pair{vehicles_in_service(simulation, 1), vehicles_in_service(simulation, 3)};
  };
  const auto [saturday, monday] = run("true");
  EXPECT_EQ(monday, saturday);
  const auto [saturday_before, monday_after_sunday] = run("false");
  EXPECT_EQ(saturday_before, saturday);
  EXPECT_NE(monday_after_sunday, saturday_before);
}

TEST(FleetAllocationRun, AHeadwayMeasureStillHalvesTheHeadways) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  Simulation simulation = trujillo_by_demand(
      2, {"mobility.measures=[{kind: headway, value: 0.5, start_date: 2025-01-01}]"});
  simulation.run();
  EXPECT_NEAR(peak_vehicles(simulation, 2), 2 * 2195, 1e-6);
}

TEST(FleetAllocationRun, BitIdenticalForOneAndTwoThreads) {
  // Every series, not only transit's: the allocation feeds ridership, fares and budgets.
  const auto run = [](int threads) {
    Simulation simulation = trujillo_by_demand(threads);
    simulation.run();
    return testing::all_series(simulation);
  };
  EXPECT_EQ(testing::first_differing_series(run(1), run(2)), "");
}

TEST(FleetAllocationRun, ByDemandWithoutAFleetIsAClearError) {
  try {
    (void)load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo.yaml",
                        {"mobility.transit.fleet_allocation.mode=by_demand"});
    FAIL() << "by_demand without vehicles was accepted";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("mobility.transit.fleet_allocation.vehicles: is 0; by_demand needs the "
                                             "fleet"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace munisim
