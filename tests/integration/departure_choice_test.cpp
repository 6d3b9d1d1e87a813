// Departure-time choice in a running city (docs/mobility.md, "Departure hours"): where vehicles
// fill up at the peaks, riders who remember the denied boardings move part of their trips to the
// shoulders, so fewer of the peak's boardings are denied; the result does not depend on the
// thread count.
#include <gtest/gtest.h>

#include <cstring>

#include "sim/model/simulation.hpp"
#include "tests/support/series_sums.hpp"

namespace munisim {
namespace {

using testing::series;

constexpr int kDepartureDays = 14, kSettled = 7;

// The demo city riding buses (as the one-line town's constants do), with enough places off-peak
// and too few at the peaks: about 40 % of the boardings at 6-8 h are denied without departure choice.
Scenario crowded_demo(bool departure_choice) {
  return load_scenario(
      std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml",
      {"mobility.enabled=true", "days=" + std::to_string(kDepartureDays), "mobility.transit.smoothing=0.5",
       "mobility.mode_choice.constants=[-5, -5, 5, -5, -5]", "mobility.transit.combi.capacity=150",
       std::string("mobility.activities.departure_choice.enabled=") + (departure_choice ? "true" : "false")});
}

// Denied over attempted boardings in the hours [from, to), days kSettled.. on, over every line.
double denied_share(const Simulation& simulation, std::size_t from, std::size_t to) {
  const Series& denied = series(simulation, "transit_denied_boardings");
  const Series& boardings = series(simulation, "transit_boardings");
  const std::size_t lines = denied.cells() / 24;
  double refused = 0, attempted = 0;
  for (int day = kSettled; day < simulation.days_run(); ++day) {
    for (std::size_t line = 0; line < lines; ++line) {
      for (std::size_t hour = from; hour < to; ++hour) {
        refused += denied.get(day, line * 24 + hour);
        attempted += boardings.get(day, line * 24 + hour);
      }
    }
  }
  return refused / attempted;
}

TEST(DepartureChoice, LowersThePeakDeniedShare) {
  Simulation fixed(crowded_demo(false), 2);
  fixed.run();
  Simulation choosing(crowded_demo(true), 2);
  choosing.run();
  const double before = denied_share(fixed, 6, 9), after = denied_share(choosing, 6, 9);
  ASSERT_GT(before, 0.2) << "the peak should be crowded without departure choice";
  EXPECT_LT(after, before - 0.01);
  // The trips moved to the shoulders find room there: fewer of the whole day's boardings are denied.
  EXPECT_LT(denied_share(choosing, 0, 24), denied_share(fixed, 0, 24));
}

TEST(DepartureChoice, BitIdenticalForOneAndThreeThreads) {
  const auto run = [](int threads) {
    Simulation simulation(crowded_demo(true), threads);
    simulation.run();
    std::vector<double> values;
    for (const Series& s : simulation.metrics().all())
      values.insert(values.end(), s.values().begin(), s.values().end());
    return values;
  };
  const std::vector<double> one = run(1), three = run(3);
  ASSERT_EQ(one.size(), three.size());
  EXPECT_EQ(std::memcmp(one.data(), three.data(), one.size() * sizeof(double)), 0);
}

}  // namespace
}  // namespace munisim
