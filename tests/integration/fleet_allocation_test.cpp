// Fleet allocation by demand in running cities: Trujillo's registered fleet is in service at the
// peak and never more, the result does not depend on the thread count, and a headway measure still
// multiplies the allocated headways.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "sim/model/simulation.hpp"
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

TEST(FleetAllocationRun, AHeadwayMeasureStillHalvesTheHeadways) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  Simulation simulation = trujillo_by_demand(
      2, {"mobility.measures=[{kind: headway, value: 0.5, start_date: 2025-01-01}]"});
  simulation.run();
  EXPECT_NEAR(peak_vehicles(simulation, 2), 2 * 2195, 1e-6);
}

TEST(FleetAllocationRun, BitIdenticalForOneAndTwoThreads) {
  const auto run = [](int threads) {
    Simulation simulation = trujillo_by_demand(threads);
    simulation.run();
    std::vector<double> values;
    for (const Series& s : simulation.metrics().all()) {
      if (s.spec().name.starts_with("transit")) values.insert(values.end(), s.values().begin(), s.values().end());
    }
    return values;
  };
  const std::vector<double> one = run(1);
  const std::vector<double> two = run(2);
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(std::memcmp(one.data(), two.data(), one.size() * sizeof(double)), 0);
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
