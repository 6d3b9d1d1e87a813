// Mobility benchmark: one day's trips of every citizen agent of Trujillo at 1:1 (real streets, 12
// districts, 1.22 M citizens), tours, destinations, hours and modes sampled from the tables, the
// day's mode table rebuilt first as the service does; free-flow roads, a bus at every hour. Prints
// trips per second (citizen agents' trips, not the persons they stand for) at 1 and 2 threads, by
// wall time and by the process's CPU time (which other users of a shared machine disturb less).
// Run: cmake --build build --target benchmarks && build/bin/mobility_bench [days, default 14]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "sim/mobility/trip_sampler.hpp"
#include "sim/model/simulation.hpp"

namespace {

using namespace munisim;

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

std::vector<TripConditions> free_flow(const TravelSkims& skims) {
  std::vector<TripConditions> segments(skims.districts() * skims.districts() * kHours);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::size_t pair = i / kHours;
    segments[i] = {.distance_km = skims.distance_km(pair),
                   .car_time_min = skims.free_time_min(pair),
                   .transit = true,
                   .transit_ride_min = 3 * skims.free_time_min(pair),
                   .transit_wait_min = 6,
                   .transit_walk_km = 0.3,
                   .transit_fare_soles = 1.5};
  }
  return segments;
}

}  // namespace

int main(int argc, char** argv) {
  const int days = argc > 1 ? std::stoi(argv[1]) : 14;
  const Simulation simulation(
      load_scenario(MUNISIM_SOURCE_DIR "/scenarios/trujillo.yaml", {"city.sampling=1", "days=1"}), 1);
  const City& city = simulation.city();
  const MobilityConfig& config = simulation.scenario().config.mobility;
  const TravelSkims skims(city, simulation.parallelism());
  std::vector<double> population;
  for (const District& district : city.districts) population.push_back(static_cast<double>(district.population));
  const ActivityModel activities(config.activities, skims, population);
  const ModeChoice choice(config.mode_choice, config.transit.crowded_load_factor);
  const std::vector<TripConditions> segments = free_flow(skims);
  // Every third household has a car (the demo's middle-income ownership).
  std::vector<std::uint8_t> has_car(city.households.size());
  for (std::size_t h = 0; h < has_car.size(); ++h) has_car[h] = h % 3 == 0 ? 1 : 0;
  TripSampler sampler(city, has_car);
  // Trips are counted in persons; at 1:1 an agent stands for one person up to the districts'
  // rounding, and the mean weight turns persons back into agents.
  const auto weights = city.citizens.column<double>("weight_persons");
  double weight = 0;
  for (double w : weights) weight += w / static_cast<double>(weights.size());

  std::printf("Trujillo 1:1, real streets, %zu districts, %zu citizen agents, mobility trips only, %d days\n",
              city.districts.size(), city.citizens.size(), days);
  std::printf("%8s %10s %10s %14s %14s %16s\n", "threads", "wall_s", "cpu_s", "agent_trips", "trips/s", "trips/cpu_s");
  for (int threads : {1, 2}) {
    Parallelism parallel(threads);
    ModeTable modes;
    double best_s = 1e300, best_cpu_s = 1e300, trips = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {  // the best of three: the machine is shared
      trips = 0;
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_seconds();
      for (int day = 0; day < days; ++day) {
        modes.build(parallel, segments, choice, {});
        const TripCounts counts = sampler.day(parallel, 1, day, static_cast<std::size_t>(day % 7), activities, modes);
        for (double count : counts.by_mode_gender_purpose) trips += count / weight;
      }
      best_s = std::min(best_s, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      best_cpu_s = std::min(best_cpu_s, cpu_seconds() - cpu_start);
    }
    std::printf("%8d %10.3f %10.3f %14.4g %14.4g %16.4g\n", threads, best_s, best_cpu_s, trips, trips / best_s,
                trips / best_cpu_s);
  }
  return 0;
}
