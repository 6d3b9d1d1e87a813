// Lima province from the national tables (city.ubigeo=1501: 43 districts, 10.4 M residents, 696
// generated bus routes), the 10^7-citizen city of benchmarks/city_size_bench, at 1:1000 with waste
// and mobility: the same series bit for bit at 1 and 3 threads, a citizen agent per `sampling`
// residents in every district, and every resident counted and every trip tallied. Skipped, with a
// message, where the data folder is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tests/support/provisioned_run.hpp"
#include "tests/support/series_bits.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

constexpr int kSampling = 1000;

Scenario lima(std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.end(), {"data_dir=\"" + testing::kSharedData.string() + "\"", "city.ubigeo=\"1501\"",
                                     "city.sampling=" + std::to_string(kSampling), "mobility.enabled=true", "days=3"});
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/any-district.yaml", overrides);
}

TEST(Lima, SeriesAreBitIdenticalAtOneAndThreeThreads) {
  REQUIRE_SHARED_DATA("peru-districts");
  Simulation one(lima(), 1);
  one.run();
  Simulation three(lima(), 3);
  three.run();
  EXPECT_EQ(testing::first_differing_series(testing::all_series(one), testing::all_series(three)), "");
}

TEST(Lima, EveryDistrictHasAnAgentPerSamplingResidentsAndEveryoneTravels) {
  REQUIRE_SHARED_DATA("peru-districts");
  Simulation simulation(lima(), 2);
  simulation.run();
  const std::vector<District>& districts = simulation.city().districts;
  ASSERT_EQ(districts.size(), 43u);
  std::vector<double> agents(districts.size(), 0);
  for (const std::uint32_t district : simulation.city().citizens.column<std::uint32_t>("district")) agents[district] += 1;
  double population = 0;
  for (std::size_t d = 0; d < districts.size(); ++d) {
    // round(H / sampling) households (at least one), each of 1 + Poisson(P / H - 1) persons.
    const auto residents = static_cast<double>(districts[d].population);
    const auto households = static_cast<double>(districts[d].households);
    const double sampled_households = std::max(1.0, std::round(households / kSampling));
    const double expected = sampled_households * residents / households;
    const double sd = std::sqrt(sampled_households * (residents / households - 1));
    EXPECT_NEAR(agents[d], expected, 4.5 * sd) << districts[d].name;
    population += residents;
  }
  const double trips = testing::series_total(simulation, "mobility_trips", false);
  EXPECT_NEAR(testing::series_total(simulation, "mobility_trips_by_district", false), trips, 1e-9 * trips);
  EXPECT_GT(trips / simulation.days_run() / population, 1.5) << "trips per resident a day";
  EXPECT_GT(simulation.city().transit.lines.size(), 1000u) << "696 generated routes, most both ways";
}

}  // namespace
}  // namespace munisim
