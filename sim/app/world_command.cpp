// `munisim run` of a world scenario (docs/world.md): every municipality stepped day by day, spread
// over threads and, under mpirun, over ranks; one output written by rank 0, with national KPI
// totals and a table by department.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/app/kpi_table.hpp"
#include "sim/app/progress.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/core/error.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/kpi.hpp"
#include "sim/world/world.hpp"

namespace munisim::app {
namespace {

std::filesystem::path world_output_path(const std::string& out, const WorldScenario& world) {
  if (!out.empty()) return out;
  std::error_code ignored;  // a folder that cannot be made is reported by check_output_target
  std::filesystem::create_directories("out", ignored);
  return "out/" + world.config.name + ".h5";
}

std::vector<InputFile> world_inputs(const WorldScenario& world, const std::vector<WorldMunicipality>& municipalities) {
  std::vector<InputFile> inputs{{world.source, "the world scenario"}};
  for (const WorldMunicipality& municipality : municipalities) {
    for (const std::string& file : municipality.resolved.scenario.files) {
      inputs.push_back({file, municipality.entry + ".scenario"});
    }
  }
  return inputs;
}

// Each municipality's KPIs summed by name: the national totals; shares (unit 1) as their mean over
// municipalities.
std::vector<Kpi> national_kpis(const WorldContent& content) {
  std::vector<Kpi> totals;
  std::vector<int> counts;
  for (const WorldMunicipalityOutput& city : content.municipalities) {
    for (const Kpi& kpi : kpis(*city.series, content.meta.days_run)) {
      auto found = std::find_if(totals.begin(), totals.end(), [&](const Kpi& k) { return k.name == kpi.name; });
      if (found == totals.end()) {
        totals.push_back(kpi);
        counts.push_back(1);
      } else {
        found->value += kpi.value;
        ++counts[static_cast<std::size_t>(found - totals.begin())];
      }
    }
  }
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (totals[i].unit == "1") totals[i].value /= counts[i];
  }
  return totals;
}

double series_total(const MetricsRegistry& series, const std::string& name, int days_run) {
  const Series* found = series.find(name);
  if (found == nullptr) return 0;
  const auto values = found->values().first(found->cells() * static_cast<std::size_t>(days_run));
  return std::accumulate(values.begin(), values.end(), 0.0);
}

// Municipalities, population and waste by department (the first two digits of the ubigeo; cities
// without one under "-").
void print_departments(std::FILE* stream, const World& world, const WorldContent& content) {
  struct Row {
    int municipalities = 0;
    double population = 0, generated_t = 0, collected_t = 0;
  };
  std::map<std::string, Row> rows;
  for (std::size_t i = 0; i < content.municipalities.size(); ++i) {
    const nation::MunicipalityProfile& profile = world.profiles()[i];
    Row& row = rows[profile.ubigeo.size() == 6 ? profile.ubigeo.substr(0, 2) : "-"];
    ++row.municipalities;
    row.population += profile.population;
    const MetricsRegistry& series = *content.municipalities[i].series;
    row.generated_t += series_total(series, "waste_generated_t", content.meta.days_run);
    row.collected_t += series_total(series, "waste_collected_t", content.meta.days_run);
  }
  fmt::print(stream, "{:<10}  {:>14}  {:>12}  {:>14}  {:>9}\n", "department", "municipalities", "population",
             "generated_t", "collected");
  for (const auto& [department, row] : rows) {
    fmt::print(stream, "{:<10}  {:>14}  {:>12}  {:>14}  {:>8.1f}%\n", department, row.municipalities,
               with_thousands(row.population), with_thousands(row.generated_t),
               row.generated_t > 0 ? 100 * row.collected_t / row.generated_t : 0.0);
  }
}

}  // namespace

int world_run_command(const RunOptions& options, const std::vector<std::string>& overrides) {
  if (options.checkpointing.every_days > 0 || options.checkpointing.stop_after > 0) {
    throw InputError({options.scenario, 0, 0}, "",
                     "checkpoints (--checkpoint-every, --stop-after) are not available for world scenarios yet");
  }
  if (options.timings) {
    throw InputError({options.scenario, 0, 0}, "",
                     "--timings times the systems of one city's run; run a municipality's own scenario to see them");
  }
  const std::unique_ptr<Cluster> cluster = join_cluster("a world's municipalities");
  const bool root = cluster->rank() == 0;
  WorldScenario scenario = load_world(options.scenario, overrides);
  std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario, thread_count(options.threads));
  const OutputTarget target{world_output_path(options.out, scenario), world_inputs(scenario, municipalities)};
  if (root) check_output_target(target);
  const std::atomic<bool>& stop = install_interrupt_handler();
  const bool quiet = options.quiet || !root;
  if (!quiet) {
    fmt::print(stderr, "building {} municipalities on {} rank(s), {} thread(s) each\n", municipalities.size(),
               cluster->size(), thread_count(options.threads));
  }
  const auto start = std::chrono::steady_clock::now();
  const std::unique_ptr<World> built =
      make_world(std::move(scenario), std::move(municipalities), thread_count(options.threads), cluster.get());
  World& world = *built;
  const std::size_t agents = world.citizen_agents();
  if (!quiet) {
    fmt::print(stderr, "built {} citizen agents in {:.1f} s\n", agents,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  ProgressReporter progress(stderr, quiet);
  try {
    world.run(&stop, std::ref(progress));
  } catch (const Interrupted&) {
    progress.finish();
    throw;
  }
  progress.finish();
  const WorldContent content = world.output();
  if (!root) return kExitOk;
  write_world_output(target.path, content, &world.parallelism());
  if (stop.load()) {
    std::filesystem::remove(target.path);
    throw Interrupted();
  }
  if (!options.quiet) {
    const WorldConfig& config = world.scenario().config;
    std::printf("%s: %zu municipalities, %d days from %s, seed %lld, %d threads x %d ranks, %zu citizen agents\n",
                config.name.c_str(), world.labels().size(), world.days_run(), config.start_date.to_string().c_str(),
                static_cast<long long>(config.seed), world.threads(), cluster->size(), agents);
    std::printf("national totals:\n");
    print_kpi_table(stdout, national_kpis(content));
    print_departments(stdout, world, content);
    std::printf("wrote %s\n", target.path.c_str());
  }
  return kExitOk;
}

}  // namespace munisim::app
