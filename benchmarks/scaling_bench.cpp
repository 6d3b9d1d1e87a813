// Scaling benchmark: whole-city simulated days (census, waste and mobility, the scenario's real
// streets and bus routes) at sampling 1:10 and 1:1 and at 1 and 2 threads, reported in citizen
// agents x days per second, with build time and peak memory per citizen; the same days without
// mobility give mobility's marginal cost, reported as agents' trips per second.
// Run: cmake --build build --target benchmarks && build/bin/scaling_bench [scenario] [days, default 14]
//      build/bin/scaling_bench --year [sampling] [threads]   one year of scenarios/trujillo.yaml, as
//      `munisim run` does it (without writing the file), with its own peak memory
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "sim/model/simulation.hpp"

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One simulated year, as `munisim run` does it (without writing the file); sampling "" keeps the
// scenario's own.
void simulate_year(const std::string& scenario, const std::string& sampling, int threads) {
  std::vector<std::string> overrides = {"days=365"};
  if (!sampling.empty()) overrides.push_back("city.sampling=" + sampling);
  const auto year_start = std::chrono::steady_clock::now();
  munisim::Simulation year(munisim::load_scenario(scenario, overrides), threads);
  year.run();
  const double wall_s = seconds_since(year_start);
  const auto citizens = static_cast<double>(year.city().citizens.size());
  std::printf(
      "one simulated year of %s (census, waste, mobility), sampling %s, %.0f citizen agents, %d threads: %.2f s "
      "wall including the city's build, %.3g citizen-days/s, peak %.0f MB (%.0f bytes per citizen)\n",
      scenario.c_str(), sampling.empty() ? "as shipped" : sampling.c_str(), citizens, threads, wall_s,
      citizens * 365 / wall_s, peak_rss_mb(), peak_rss_mb() * 1024 * 1024 / citizens);
  for (const std::string& warning : year.warnings()) std::printf("  warning: %s\n", warning.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string trujillo = MUNISIM_SOURCE_DIR "/scenarios/trujillo.yaml";
  if (argc > 1 && std::string(argv[1]) == "--year") {
    simulate_year(trujillo, argc > 2 ? argv[2] : "", argc > 3 ? std::stoi(argv[3]) : 2);
    return 0;
  }
  const std::string scenario = argc > 1 ? argv[1] : trujillo;
  const std::string days = argc > 2 ? argv[2] : "14";
  std::printf("%s, %s days, census + waste + mobility (and without mobility, for its marginal cost)\n",
              scenario.c_str(), days.c_str());
  std::printf("%-10s %8s %12s %10s %10s %16s %12s %14s\n", "sampling", "threads", "citizens", "build_s", "run_s",
              "citizen_days/s", "trips/s", "peak_MB");
  const auto timed_run = [&](const char* sampling, int threads, bool mobility, double& build_s) {
    const auto build_start = std::chrono::steady_clock::now();
    auto simulation = std::make_unique<munisim::Simulation>(
        munisim::load_scenario(scenario, {std::string("city.sampling=") + sampling, "days=" + days,
                                          std::string("mobility.enabled=") + (mobility ? "true" : "false")}),
        threads);
    build_s = seconds_since(build_start);
    const auto run_start = std::chrono::steady_clock::now();
    simulation->run();
    return std::pair{std::move(simulation), seconds_since(run_start)};
  };
  double citizens_at_full_sampling = 0;  // the last sampling is 1
  for (const char* sampling : {"10", "1"}) {
    for (int threads : {1, 2}) {
      double build_s = 0, unused = 0;
      const auto [simulation, run_s] = timed_run(sampling, threads, true, build_s);
      const double without_mobility_s = timed_run(sampling, threads, false, unused).second;
      const auto trips = simulation->metrics().find("mobility_trips")->values();
      // Trips are weighted by sampling; agents' trips are what the loop computes.
      const double agent_trips = std::accumulate(trips.begin(), trips.end(), 0.0) / std::stod(sampling);
      const auto citizens = static_cast<double>(simulation->city().citizens.size());
      citizens_at_full_sampling = citizens;
      std::printf("%-10s %8d %12.0f %10.2f %10.2f %16.3g %12.3g %14.0f\n", sampling, threads, citizens, build_s, run_s,
                  citizens * simulation->days_run() / run_s, agent_trips / (run_s - without_mobility_s), peak_rss_mb());
    }
  }
  std::printf("peak memory per citizen at sampling 1: %.0f bytes (whole process, includes the metrics)\n",
              peak_rss_mb() * 1024 * 1024 / citizens_at_full_sampling);

  return 0;
}
