// The bottleneck queue of mobility.transit.queue_carryover in running Trujillo: on the first day,
// before anyone remembers a queue, the same riders board with it or without it, and riders the
// queue carries into later hours are denied at least as often as one headway's wait counted them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/model/simulation.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

struct FirstDay {
  std::vector<double> boardings, denied;
};

std::vector<double> first_day(const Simulation& simulation, const std::string& series) {
  const auto values = simulation.metrics().find(series)->day(0);
  return {values.begin(), values.end()};
}

double total(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return sum;
}

TEST(TransitQueueRun, TheQueueKeepsTheRidersAndDeniesAtLeastTheSurplus) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  const auto run = [](const std::string& carryover) {
    Simulation simulation(
        load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo-by-demand.yaml",
                      {"days=1", "city.sampling=4", "mobility.enabled=true", "mobility.transit.queue_carryover=" + carryover}),
        2);
    simulation.run();
    return FirstDay{first_day(simulation, "transit_boardings"), first_day(simulation, "transit_denied_boardings")};
  };
  const FirstDay queued = run("true");
  const FirstDay headway = run("false");
  EXPECT_EQ(queued.boardings, headway.boardings);
  const std::vector<double>& denied = queued.denied;
  const std::vector<double>& denied_before = headway.denied;
  ASSERT_EQ(denied.size(), denied_before.size());
  for (std::size_t cell = 0; cell < denied.size(); ++cell) {
    EXPECT_GE(denied[cell], denied_before[cell] - 1e-9 * (1 + denied_before[cell])) << "line-hour " << cell;
    EXPECT_LE(denied[cell], queued.boardings[cell] + 1e-9 * (1 + queued.boardings[cell])) << "line-hour " << cell;
  }
  EXPECT_GT(total(denied), total(denied_before));
}

}  // namespace
}  // namespace munisim
