// Daily travel in running cities: trips and people balance, a one-line town gives the analytic
// wait and denied boardings, measures move mode shares the expected way, results do not depend on
// the thread count, and Arequipa's baseline matches the published trip rate and collective share.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <numeric>

#include "sim/mobility/mobility_config.hpp"
#include "sim/model/simulation.hpp"
#include "tests/support/series_sums.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

constexpr std::size_t kHourCount = 24;

Scenario mobility_demo(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), {"mobility.enabled=true", "days=14"});
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", overrides);
}

using testing::day_sum;
using testing::series;

// Trips by mode and gender on one day, summed over purposes.
double trips(const Simulation& simulation, int day, std::size_t mode, std::size_t gender) {
  double total = 0;
  for (std::size_t p = 0; p < kPurposes; ++p) {
    total += series(simulation, "mobility_trips").get(day, (mode * kGenders + gender) * kPurposes + p);
  }
  return total;
}

double share(const Simulation& simulation, int from_day, std::size_t mode, std::size_t gender) {
  double chosen = 0, all = 0;
  for (int day = from_day; day < simulation.days_run(); ++day) {
    chosen += trips(simulation, day, mode, gender);
    for (std::size_t m = 0; m < kModes; ++m) all += trips(simulation, day, m, gender);
  }
  return chosen / all;
}

TEST(MobilityBalance, TripsAndPeopleAddUp) {
  Simulation simulation(mobility_demo({}), 2);
  simulation.run();
  for (int day = 0; day < simulation.days_run(); ++day) {
    const double total = day_sum(simulation, "mobility_trips", day);
    ASSERT_GT(total, 0);
    EXPECT_NEAR(day_sum(simulation, "mobility_trips_by_district", day), total, 1e-6 * total);
    EXPECT_NEAR(day_sum(simulation, "mobility_trips_by_hour", day), total, 1e-6 * total);
    // Gender splits sum to the totals by mode.
    const Series& by_district = series(simulation, "mobility_trips_by_district");
    for (std::size_t m = 0; m < kModes; ++m) {
      double by_origin = 0;
      for (std::size_t d = 0; d < simulation.city().districts.size(); ++d)
        by_origin += by_district.get(day, d * kModes + m);
      EXPECT_NEAR(trips(simulation, day, m, 0) + trips(simulation, day, m, 1), by_origin, 1e-6 * total);
    }
    // People who travel are at most the residents, by gender; shares of each gender's trips sum to 1.
    const double residents = day_sum(simulation, "population_persons", day);
    EXPECT_LE(day_sum(simulation, "mobility_persons_travelling", day), residents * (1 + 1e-12));
    for (std::size_t g = 0; g < kGenders; ++g) {
      double shares = 0;
      for (std::size_t m = 0; m < kModes; ++m)
        shares += series(simulation, "mobility_mode_share").get(day, g * kModes + m);
      EXPECT_NEAR(shares, 1.0, 1e-12);
    }
    EXPECT_NEAR(series(simulation, "mobility_trips_per_person").get(day, 0), total / residents, 1e-9);
  }
}

TEST(MobilityEmissions, FollowVehicleKmAndTheDocumentedFactors) {
  Simulation simulation(mobility_demo({}), 2);
  simulation.run();
  const Series& km = series(simulation, "transit_vehicle_km");
  const Series& car_taxi = series(simulation, "mobility_car_taxi_vehicle_km");
  const Series& emissions = series(simulation, "mobility_emissions_tco2e");
  const Series& energy = series(simulation, "mobility_energy_kwh");
  const auto& labels = emissions.spec().dims[0].labels;
  ASSERT_EQ(labels, (std::vector<std::string>{"combi_diesel", "bus_diesel", "electric_bus_electric", "brt_diesel",
                                              "car_gasoline", "taxi_gasoline"}));
  for (int day = 0; day < simulation.days_run(); ++day) {
    const double combi_l = km.get(day, 0) * 0.12;  // generated lines run combis: 0.12 L/km
    ASSERT_GT(combi_l, 0);
    EXPECT_NEAR(emissions.get(day, 0), combi_l * 2.68 / 1000, 1e-12);
    EXPECT_NEAR(energy.get(day, 0), combi_l * 43.0 * 0.84 / 3.6, 1e-9);
    const double car_l = car_taxi.get(day, 0) * 0.08;
    EXPECT_NEAR(emissions.get(day, 4), car_l * 2.27 / 1000, 1e-12);
    EXPECT_NEAR(emissions.get(day, 5), car_taxi.get(day, 1) * 0.06 * 2.27 / 1000, 1e-12);
    EXPECT_EQ(km.get(day, 1) + km.get(day, 2) + km.get(day, 3), 0);  // no buses without a measure
  }
}

// The test town with its one bus line (tests/model/fixtures/town), every 10 min from 6 to 9 h and
// every 20 min from 9 to 17 h, one direction only; everyone who can ride it does.
Scenario one_line_town(double places) {
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/tests/model/fixtures/town/town.yaml",
                       {"mobility.enabled=true", "mobility.mode_choice.constants=[-50, -50, 50, -50, -50]",
                        "mobility.transit.vehicle=bus", "mobility.transit.bus.capacity=" + std::to_string(places)});
}

double headway_at(std::size_t hour) { return hour >= 6 && hour < 9 ? 10 : hour >= 9 && hour < 17 ? 20 : 0; }

// Mean wait of the day's bus trips, over both genders.
double mean_wait(const Simulation& simulation, int day) {
  double weighted = 0, rides = 0;
  for (std::size_t g = 0; g < kGenders; ++g) {
    const double count = trips(simulation, day, kTransit, g);
    weighted += count * series(simulation, "mobility_transit_wait_min").get(day, g);
    rides += count;
  }
  return weighted / rides;
}

TEST(OneLineTown, MeanWaitIsHalfTheHeadwayWhenNobodyIsDenied) {
  Simulation simulation(one_line_town(500), 1);
  simulation.run();
  const Series& by_hour = series(simulation, "mobility_trips_by_hour");
  for (int day = 0; day < simulation.days_run(); ++day) {
    EXPECT_EQ(day_sum(simulation, "transit_denied_boardings", day), 0);
    double expected = 0, rides = 0;
    for (std::size_t hour = 0; hour < kHourCount; ++hour) {
      const double count = by_hour.get(day, hour * kModes + kTransit);
      if (count > 0) {
        EXPECT_GT(headway_at(hour), 0) << "a bus trip at " << hour << " h, when no bus runs";
      }
      expected += count * headway_at(hour) / 2;
      rides += count;
    }
    ASSERT_GT(rides, 100);
    EXPECT_NEAR(mean_wait(simulation, day), expected / rides, 1e-9);
    // One line and no transfers: every bus trip is one boarding.
    EXPECT_NEAR(day_sum(simulation, "transit_boardings", day), rides, 1e-9);
  }
}

TEST(OneLineTown, TheLineCarriesNobodyOnTheDayItDoesNotRun) {
  Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/tests/model/fixtures/town/town.yaml",
                                      {"mobility.enabled=true", "days=7"}),
                        1);
  simulation.run();  // from Monday 6 January 2025; the line runs Monday to Saturday (calendar.txt)
  for (int day = 0; day < 6; ++day) EXPECT_GT(day_sum(simulation, "transit_boardings", day), 0) << day;
  EXPECT_EQ(day_sum(simulation, "transit_boardings", 6), 0);
  EXPECT_EQ(day_sum(simulation, "transit_vehicle_km", 6), 0);
}

TEST(OneLineTown, DeniedBoardingsAppearExactlyWhenDemandExceedsCapacity) {
  constexpr double kPlaces = 3;
  Simulation simulation(one_line_town(kPlaces), 1);
  simulation.run();
  const Series& peak = series(simulation, "transit_peak_load");
  const Series& denied = series(simulation, "transit_denied_boardings");
  const Series& extra = series(simulation, "transit_extra_wait_min");
  const Series& boardings = series(simulation, "transit_boardings");
  int over = 0, under = 0;
  for (int day = 0; day < simulation.days_run(); ++day) {
    for (std::size_t hour = 0; hour < kHourCount; ++hour) {
      const double capacity = headway_at(hour) > 0 ? 60 / headway_at(hour) * kPlaces : 0;
      const double load = peak.get(day, hour);
      EXPECT_DOUBLE_EQ(denied.get(day, hour), std::max(0.0, load - capacity)) << "day " << day << " hour " << hour;
      (load > capacity ? over : under) += 1;
      if (boardings.get(day, hour) > 0) {
        EXPECT_DOUBLE_EQ(extra.get(day, hour), denied.get(day, hour) * headway_at(hour) / boardings.get(day, hour));
      }
    }
  }
  EXPECT_GT(over, 0);
  EXPECT_GT(under, 0);
  // The next day's riders expect the extra wait the denials caused.
  const Series& by_hour = series(simulation, "mobility_trips_by_hour");
  double half_headways = 0, rides = 0;
  for (std::size_t hour = 0; hour < kHourCount; ++hour) {
    half_headways += by_hour.get(1, hour * kModes + kTransit) * headway_at(hour) / 2;
    rides += by_hour.get(1, hour * kModes + kTransit);
  }
  EXPECT_GT(mean_wait(simulation, 1), half_headways / rides + 1);
}

struct MeasureCase {
  const char* name;
  const char* measure;
  std::size_t mode;
  std::size_t gender;
  int direction;  // +1: the share rises, -1: it falls
};

void PrintTo(const MeasureCase& measure, std::ostream* out) { *out << measure.measure; }

class MobilityMeasures : public ::testing::TestWithParam<MeasureCase> {};

TEST_P(MobilityMeasures, MoveModeSharesTheExpectedWay) {
  const MeasureCase& c = GetParam();
  Simulation baseline(mobility_demo({}), 2);
  baseline.run();
  Simulation changed(mobility_demo({std::string("mobility.measures=[{start_date: 2025-01-08, ") + c.measure + "}]"}), 2);
  changed.run();
  for (int day = 0; day < 7; ++day) {
    for (const char* name : {"mobility_trips", "transit_boardings", "road_speed_kmh"}) {
      const auto a = series(baseline, name).day(day);
      const auto b = series(changed, name).day(day);
      ASSERT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0) << name << " differs before the start";
    }
  }
  const double before = share(baseline, 7, c.mode, c.gender);
  const double after = share(changed, 7, c.mode, c.gender);
  EXPECT_GT(c.direction * (after - before), 0.005) << c.measure << ": " << before << " -> " << after;
}

INSTANTIATE_TEST_SUITE_P(
    Demo, MobilityMeasures,
    ::testing::Values(MeasureCase{"FareFemaleBus", "kind: fare, value: 3", kTransit, 0, -1},
                      MeasureCase{"FareMaleBus", "kind: fare, value: 3", kTransit, 1, -1},
                      MeasureCase{"HeadwayBus", "kind: headway, value: 0.5", kTransit, 0, +1},
                      MeasureCase{"StaffOnBoardWomenBus", "kind: staff_on_board, value: 1", kTransit, 0, +1},
                      MeasureCase{"LightingWomenWalk", "kind: street_lighting, value: 1", kWalk, 0, +1},
                      MeasureCase{"BikeLanesBicycle", "kind: bike_lanes, value: 1", kBicycle, 1, +1},
                      MeasureCase{"FleetRenewalBus", "kind: fleet_renewal, value: 1", kTransit, 0, +1}),
    [](const ::testing::TestParamInfo<MeasureCase>& test) { return std::string(test.param.name); });

TEST(MobilityMeasures, TrunkLineCarriesRidersFromItsStart) {
  Simulation simulation(
      mobility_demo({"mobility.measures=[{kind: trunk_line, start_date: 2025-01-08, value: 4, districts: [Norte, Centro, "
            "Playa]}]"}),
      2);
  simulation.run();
  const Series& boardings = series(simulation, "transit_boardings");
  const std::size_t trunk = boardings.spec().dims[0].labels.size() - 1;
  EXPECT_EQ(boardings.spec().dims[0].labels[trunk], "trunk: Norte Centro Playa");
  const auto riders = [&](int day) {
    double total = 0;
    for (std::size_t hour = 0; hour < kHourCount; ++hour) total += boardings.get(day, trunk * kHourCount + hour);
    return total;
  };
  EXPECT_EQ(riders(6), 0);
  EXPECT_GT(riders(8), 100);
}

TEST(MobilityLines, ALineDrawnInTheScenarioCarriesRidersWhenItRuns) {
  Simulation simulation(mobility_demo({"mobility.transit.lines=[{name: Costanera, districts: [Playa, Norte], headway_min: "
                              "[0, 5, 5, 5, 0], vehicle: bus}]"}),
                        1);
  simulation.run();
  const Series& boardings = series(simulation, "transit_boardings");
  const auto& lines = boardings.spec().dims[0].labels;
  const auto found = std::find(lines.begin(), lines.end(), "Costanera");
  ASSERT_NE(found, lines.end());
  const auto line = static_cast<std::size_t>(found - lines.begin());
  double day_riders = 0, night_riders = 0;
  for (int day = 0; day < simulation.days_run(); ++day) {
    for (std::size_t hour = 0; hour < kHourCount; ++hour) {
      (hour >= 6 && hour < 20 ? day_riders : night_riders) += boardings.get(day, line * kHourCount + hour);
    }
  }
  EXPECT_GT(day_riders, 100);
  EXPECT_EQ(night_riders, 0);  // headway 0: no service at night or in the evening
}

TEST(MobilityRoads, PeakHoursAreSlowerThanTheNight) {
  Simulation simulation(mobility_demo({"city.population.employment_rate=0.9", "mobility.roads.corridor_lanes_factor=1"}), 2);
  simulation.run();
  const Series& speed = series(simulation, "road_speed_kmh");
  EXPECT_LT(speed.get(3, 7), speed.get(3, 3));
}

TEST(MobilityDeterminism, BitIdenticalForOneTwoAndThreeThreadsAcrossChunks) {
  // 1:1 Trujillo: 1.2 M citizens, many chunks of partial sums.
  const auto run = [](int threads) {
    Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo.yaml",
                                        {"days=2", "city.sampling=4", "mobility.enabled=true"}),
                          threads);
    simulation.run();
    std::vector<double> values;
    for (const Series& s : simulation.metrics().all()) {
      if (s.spec().name.starts_with("mobility") || s.spec().name.starts_with("transit") ||
          s.spec().name.starts_with("road")) {
        values.insert(values.end(), s.values().begin(), s.values().end());
      }
    }
    return values;
  };
  const std::vector<double> one = run(1);
  ASSERT_GT(one.size(), 0u);
  for (int threads : {2, 3}) {
    const std::vector<double> other = run(threads);
    ASSERT_EQ(one.size(), other.size());
    EXPECT_EQ(std::memcmp(one.data(), other.data(), one.size() * sizeof(double)), 0) << threads << " threads";
  }
}

TEST(MobilityPlausibility, ArequipaTripRateAndCollectiveShare) {
  REQUIRE_SHARED_DATA("gtfs-arequipa");
  const std::filesystem::path& data = testing::kSharedData;
  Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/arequipa.yaml",
                                      {"days=28", "data_dir=\"" + data.string() + "\""}),
                        2);
  simulation.run();
  double trips_per_person = 0;
  for (int day = 0; day < 28; ++day) trips_per_person += series(simulation, "mobility_trips_per_person").get(day, 0);
  trips_per_person /= 28;
  double bus = 0, all = 0;
  for (int day = 0; day < 28; ++day) {
    for (std::size_t g = 0; g < kGenders; ++g) {
      bus += trips(simulation, day, kTransit, g);
      for (std::size_t m = 0; m < kModes; ++m) all += trips(simulation, day, m, g);
    }
  }
  // FACTS.md §2.3 (SIT technicians, 2016): 2.1 trips/person/day, about 70 % of trips collective.
  EXPECT_NEAR(trips_per_person, 2.1, 0.1);
  EXPECT_NEAR(bus / all, 0.70, 0.05);
}

}  // namespace
}  // namespace munisim
