// The bottleneck queue of mobility.transit.queue_carryover in running Trujillo: on the first day,
// before anyone remembers a queue, the same riders board with it or without it, and riders the
// queue carries into later hours are denied at least as often as one headway's wait counted them.
// With a patience (queue_patience_min) the trips are the same trips, riders who give up were
// denied first, and the days that follow (riders remembering by the msa schedule) are the same
// for any thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
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

std::unique_ptr<Simulation> run_trujillo(const std::vector<std::string>& settings, int days, int threads) {
  std::vector<std::string> overrides = {"days=" + std::to_string(days), "city.sampling=4", "mobility.enabled=true",
                                        "mobility.transit.queue_carryover=true"};
  overrides.insert(overrides.end(), settings.begin(), settings.end());
  auto simulation = std::make_unique<Simulation>(
      load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo-by-demand.yaml", overrides), threads);
  simulation->run();
  return simulation;
}

TEST(TransitQueueRun, RidersWhoGiveUpKeepTheirTripsAndWereDeniedFirst) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  const auto patient_run = run_trujillo({}, 1, 2);
  const auto reneging_run = run_trujillo({"mobility.transit.queue_patience_min=15"}, 1, 2);
  const Simulation& patient = *patient_run;
  const Simulation& reneging = *reneging_run;
  // Giving up changes how riders wait, not which trips were made or on which lines they boarded.
  EXPECT_EQ(first_day(reneging, "mobility_trips"), first_day(patient, "mobility_trips"));
  EXPECT_EQ(first_day(reneging, "transit_boardings"), first_day(patient, "transit_boardings"));
  EXPECT_EQ(patient.metrics().find("transit_abandoned_boardings"), nullptr);  // only with a patience
  const std::vector<double> abandoned = first_day(reneging, "transit_abandoned_boardings");
  const std::vector<double> denied = first_day(reneging, "transit_denied_boardings");
  const std::vector<double> boardings = first_day(reneging, "transit_boardings");
  EXPECT_GT(total(abandoned), 0.0);
  // Per line over the day: nobody gives up without having been left behind by a full vehicle, and
  // each rider is denied at most once.
  const std::size_t hours = 24;
  for (std::size_t line = 0; line < abandoned.size() / hours; ++line) {
    double line_abandoned = 0, line_denied = 0, line_boardings = 0;
    for (std::size_t h = 0; h < hours; ++h) {
      line_abandoned += abandoned[line * hours + h];
      line_denied += denied[line * hours + h];
      line_boardings += boardings[line * hours + h];
    }
    EXPECT_LE(line_abandoned, line_denied * (1 + 1e-9) + 1e-9) << "line " << line;
    EXPECT_LE(line_denied, line_boardings * (1 + 1e-9) + 1e-9) << "line " << line;
  }
}

TEST(TransitQueueRun, GivingUpAndMsaMemoryAreTheSameForAnyThreadCount) {
  REQUIRE_SHARED_DATA("gtfs-trujillo-omus");
  const std::vector<std::string> settings = {"mobility.transit.queue_patience_min=15",
                                             "mobility.transit.smoothing_schedule=msa",
                                             "mobility.transit.smoothing=0.1"};
  const auto one = run_trujillo(settings, 3, 1);
  const auto two = run_trujillo(settings, 3, 2);
  for (const std::string series :
       {"transit_boardings", "transit_denied_boardings", "transit_abandoned_boardings", "transit_extra_wait_min"}) {
    const auto a = one->metrics().find(series)->values();
    const auto b = two->metrics().find(series)->values();
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << series;
  }
}

}  // namespace
}  // namespace munisim
