// The same scenario and seed give bit-identical series for any thread count; seeds matter.
#include <gtest/gtest.h>

#include "sim/model/simulation.hpp"
#include "tests/support/series_bits.hpp"

namespace munisim {
namespace {

Scenario demo(std::vector<std::string> overrides) {
  overrides.push_back("days=5");
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", overrides);
}

testing::SeriesBits run_series(int threads, std::vector<std::string> overrides = {}) {
  Simulation simulation(demo(std::move(overrides)), threads);
  simulation.run();
  return testing::all_series(simulation);
}

TEST(Determinism, SeriesAreBitIdenticalForOneTwoAndFourThreads) {
  const auto one = run_series(1);
  EXPECT_EQ(testing::first_differing_series(one, run_series(2)), "");
  EXPECT_EQ(testing::first_differing_series(one, run_series(4)), "");
}

TEST(Determinism, DifferentSeedsGiveDifferentSeries) {
  EXPECT_NE(testing::first_differing_series(run_series(2, {"seed=1"}), run_series(2, {"seed=2"})), "");
}

TEST(Conservation, CensusCountsEveryResidentEveryDay) {
  Simulation simulation(demo({}), 2);
  simulation.run();
  double population = 0;
  for (const DistrictConfig& district : simulation.scenario().config.city.districts) {
    population += static_cast<double>(district.population);
  }
  const Series* census = simulation.metrics().find("population_persons");
  ASSERT_NE(census, nullptr);
  for (int day = 0; day < simulation.days_run(); ++day) {
    double counted = 0;
    for (double value : census->day(day)) counted += value;
    EXPECT_NEAR(counted, population, 1e-6 * population) << "day " << day;
  }
}

TEST(Simulation, StepsInPiecesLikeOneRun) {
  Simulation whole(demo({}), 1);
  whole.run();
  Simulation pieces(demo({}), 2);
  pieces.step(2);
  EXPECT_EQ(pieces.days_run(), 2);
  pieces.step(10);  // stops at the planned end
  EXPECT_TRUE(pieces.finished());
  for (std::size_t s = 0; s < whole.metrics().all().size(); ++s) {
    const auto a = whole.metrics().all()[s].values();
    const auto b = pieces.metrics().all()[s].values();
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  }
}

TEST(Simulation, StopFlagInterruptsBetweenDays) {
  Simulation simulation(demo({}), 1);
  std::atomic<bool> stop{false};
  EXPECT_THROW(simulation.run(&stop, [&](int done, int) { stop = done == 2; }), Interrupted);
  EXPECT_EQ(simulation.days_run(), 2);
}

}  // namespace
}  // namespace munisim
