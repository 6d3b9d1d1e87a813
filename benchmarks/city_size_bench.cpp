// City-size benchmark (issue 14, item 4): how time and memory grow with the citizens. Lima province
// (city.ubigeo=1501, 43 districts, 10.4 M residents) built from the national tables with its
// provisioned services (synthetic streets, 696 generated bus routes, depot, fleet), waste and
// mobility on, at sampling 1:100, 1:10 and 1:1 (10^5, 10^6 and 10^7 citizen agents); then, for
// reference, Trujillo at 1:1 (scenarios/trujillo.yaml: real streets and bus routes, 1.2 M agents).
// Each size runs as `munisim run` does (resolve, build, days, write the HDF5 file) in its own child
// process, so that its peak memory and CPU time are its own.
// Run: cmake --build build --target city_size_bench && build/bin/city_size_bench [days, default 30]
//      [threads, default 2] [samplings, default 100,10,1]
// The data folder is MUNISIM_DATA_DIR, else ../shared/data beside the source tree.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/io/output.hpp"
#include "sim/model/memory_estimate.hpp"
#include "sim/model/simulation.hpp"

namespace {

using namespace munisim;

struct Size {
  std::string label;
  std::string scenario;
  std::vector<std::string> overrides;
};

// What the child measures itself; the parent adds its peak memory and CPU time from wait4.
struct ChildReport {
  double citizens = 0;
  double days = 0;
  double build_s = 0;  // resolving the tables and building the city and its services
  double run_s = 0;    // the days
  double write_s = 0;  // the HDF5 output
  double estimate_mb = 0;  // MiB
};

struct Row {
  ChildReport child;
  double cpu_s = 0;
  double peak_mb = 0;  // MiB
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

ChildReport simulate(const Size& size, int threads) {
  ChildReport report;
  const auto build_start = std::chrono::steady_clock::now();
  ResolvedScenario resolved = resolve_district_data(load_scenario(size.scenario, size.overrides));
  report.estimate_mb = static_cast<double>(estimate_memory(resolved.scenario.config).bytes) / (1024.0 * 1024.0);
  Simulation simulation(std::move(resolved), threads);
  report.build_s = seconds_since(build_start);
  const auto run_start = std::chrono::steady_clock::now();
  simulation.run();
  report.run_s = seconds_since(run_start);
  const std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("city_size_bench_" + std::to_string(getpid()) + ".h5");
  const auto write_start = std::chrono::steady_clock::now();
  write_output(out, simulation.output(), &simulation.parallelism());
  report.write_s = seconds_since(write_start);
  std::filesystem::remove(out);
  report.citizens = static_cast<double>(simulation.city().citizens.size());
  report.days = simulation.days_run();
  return report;
}

Row measure(const Size& size, int threads) {
  int channel[2];
  if (pipe(channel) != 0) std::exit(1);
  const pid_t child = fork();
  if (child == 0) {
    close(channel[0]);
    try {
      const ChildReport report = simulate(size, threads);
      const bool sent = write(channel[1], &report, sizeof report) == static_cast<ssize_t>(sizeof report);
      _exit(sent ? 0 : 1);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "%s\n", error.what());
      _exit(2);
    }
  }
  close(channel[1]);
  Row row;
  const bool received = read(channel[0], &row.child, sizeof row.child) == static_cast<ssize_t>(sizeof row.child);
  close(channel[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (!received || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "%s: the run failed (status %d)\n", size.label.c_str(), status);
    std::exit(1);
  }
  const auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  row.cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  row.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
  return row;
}

void print(const std::string& label, const Row& row) {
  const ChildReport& c = row.child;
  const double citizen_days = c.citizens * c.days;
  const double wall_s = c.build_s + c.run_s + c.write_s;
  std::printf("%-22s %11.0f %8.2f %8.2f %8.2f %8.2f %8.2f %14.3g %14.3g %9.0f %9.0f %11.0f\n", label.c_str(),
              c.citizens, c.build_s, c.run_s, c.write_s, wall_s, row.cpu_s, citizen_days / wall_s,
              citizen_days / row.cpu_s, row.peak_mb, row.peak_mb * 1024 * 1024 / c.citizens, c.estimate_mb);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each row as it is measured, also into a file
  const std::string days = argc > 1 ? argv[1] : "30";
  const std::string threads = argc > 2 ? argv[2] : "2";
  std::vector<std::string> samplings;
  std::stringstream list(argc > 3 ? argv[3] : "100,10,1");
  for (std::string sampling; std::getline(list, sampling, ',');) samplings.push_back(sampling);
  const char* named_data = std::getenv("MUNISIM_DATA_DIR");
  const std::filesystem::path data = named_data != nullptr ? std::filesystem::path(named_data)
                                                           : std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data";
  const std::string data_dir = std::filesystem::weakly_canonical(data).string();
  if (!std::filesystem::exists(data / "peru-districts")) {
    std::fprintf(stderr, "no national tables (peru-districts) in %s: set MUNISIM_DATA_DIR to the data folder\n",
                 data_dir.c_str());
    return 2;
  }

  std::printf(
      "Lima province (city.ubigeo=1501, 43 districts) from the national tables in %s: provisioned services, "
      "synthetic streets, generated bus lines, census + waste + mobility; %s days, %s threads, the HDF5 output "
      "written; each size in its own process. Load average (1, 5, 15 min) at start: %s\n",
      data_dir.c_str(), days.c_str(), threads.c_str(), load_average().c_str());
  std::printf("%-22s %11s %8s %8s %8s %8s %8s %14s %14s %9s %9s %11s\n", "run", "citizens", "build_s", "run_s",
              "write_s", "wall_s", "cpu_s", "citizen_days/s", "per_cpu_s", "peak_MiB", "B/citizen", "estimate_MiB");
  std::vector<Row> rows;
  for (const std::string& sampling : samplings) {
    const Size lima{"Lima 1:" + sampling, MUNISIM_SOURCE_DIR "/scenarios/any-district.yaml",
                    {"data_dir=\"" + data_dir + "\"", "city.ubigeo=\"1501\"", "city.sampling=" + sampling,
                     "mobility.enabled=true", "days=" + days}};
    rows.push_back(measure(lima, std::stoi(threads)));
    print(lima.label, rows.back());
  }
  const Size trujillo{"Trujillo 1:1 (reference)", MUNISIM_SOURCE_DIR "/scenarios/trujillo.yaml",
                      {"data_dir=\"" + data_dir + "\"", "city.sampling=1", "days=" + days}};
  print(trujillo.label, measure(trujillo, std::stoi(threads)));

  // Linear growth: the CPU time of one more citizen-day is the same between every pair of sizes;
  // what the smallest size adds on top is the per-day cost of the city (tables per district pair and
  // hour, lines, roads), which does not depend on the citizens.
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const ChildReport& small = rows[i - 1].child;
    const ChildReport& large = rows[i].child;
    const double extra_citizen_days = large.citizens * large.days - small.citizens * small.days;
    std::printf("marginal cost %s -> %s citizens: %.1f ns CPU per citizen-day, %.1f bytes of peak per citizen\n",
                std::to_string(static_cast<long long>(small.citizens)).c_str(),
                std::to_string(static_cast<long long>(large.citizens)).c_str(),
                1e9 * (rows[i].cpu_s - rows[i - 1].cpu_s) / extra_citizen_days,
                (rows[i].peak_mb - rows[i - 1].peak_mb) * 1024 * 1024 / (large.citizens - small.citizens));
  }
  std::printf("load average at end: %s\n", load_average().c_str());
  return 0;
}
