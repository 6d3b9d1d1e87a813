#include "sim/world/world_experiment.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <map>

#include "sim/io/tables_output.hpp"
#include "sim/model/kpi.hpp"

namespace munisim {
namespace {

constexpr double kSolesPerMillion = 1e6;
constexpr const char* kTransfers = "nation_transfers_soles";
constexpr const char* kAvoided = "nation_tco2e_avoided_t";
constexpr const char* kGained = "nation_satisfaction_gained";

KpiRule city_rule(const Kpi& kpi) {
  if (kpi.summary == Summary::total) return KpiRule::sum;
  return kpi.unit == "1" || kpi.summary == Summary::mean ? KpiRule::mean : KpiRule::sum;
}

// The nation's KPIs of each municipality, from its series over the days run (zeros without a nation).
std::vector<WorldKpi> nation_kpis() {
  std::vector<WorldKpi> kpis{{kTransfers, "soles"}};
  for (const char* kind : nation::kMechanismKindNames) kpis.push_back({std::string(kTransfers) + "[" + kind + "]", "soles"});
  kpis.push_back({"nation_goals_attained", "goals"});
  kpis.push_back({kAvoided, "tCO2e"});
  kpis.push_back({kGained, "1", KpiRule::mean});
  kpis.push_back({"nation_tco2e_avoided_per_million_soles", "tCO2e/million soles", KpiRule::ratio, kAvoided, kTransfers,
                  kSolesPerMillion});
  kpis.push_back({"nation_satisfaction_gained_per_million_soles", "1/million soles", KpiRule::ratio, kGained, kTransfers,
                  kSolesPerMillion});
  return kpis;
}

// [municipality] -> the nation KPIs in nation_kpis() order.
std::vector<std::vector<double>> nation_values(const MetricsRegistry* series, std::size_t municipalities, int days) {
  const std::size_t count = nation_kpis().size();
  std::vector<std::vector<double>> values(municipalities, std::vector<double>(count, 0.0));
  if (series == nullptr || days == 0) return values;
  if (const Series* transfers = series->find(kTransfers)) {
    const std::vector<std::string>& mechanisms = transfers->spec().dims[0].labels;
    for (std::size_t k = 0; k < mechanisms.size(); ++k) {
      std::size_t kind = 0;
      while (kind < nation::kMechanismKinds && mechanisms[k] != nation::kMechanismKindNames[kind]) ++kind;
      if (kind == nation::kMechanismKinds) throw std::logic_error("unknown mechanism " + mechanisms[k]);
      for (std::size_t m = 0; m < municipalities; ++m) {
        double paid = 0;
        for (int day = 0; day < days; ++day) paid += transfers->get(day, k * municipalities + m);
        values[m][0] += paid;
        values[m][1 + kind] += paid;
      }
    }
  }
  const std::size_t goals_at = 1 + nation::kMechanismKinds;
  if (const Series* attained = series->find("nation_goal_attained")) {
    for (std::size_t cell = 0; cell < attained->cells(); ++cell) values[cell % municipalities][goals_at] += attained->get(days - 1, cell);
  }
  // The ratios per million soles received so far (the municipality's own, as the nation's series
  // say), and times the soles: the tonnes and satisfaction the nation attributes (0 for a
  // municipality that received nothing). Groups add the ratios up by their rule, not from these.
  const Series* tco2e = series->find("nation_tco2e_avoided_per_million_soles");
  const Series* satisfaction = series->find("nation_satisfaction_gained_per_million_soles");
  for (std::size_t m = 0; m < municipalities; ++m) {
    const double millions = values[m][0] / kSolesPerMillion;
    if (tco2e != nullptr) values[m][goals_at + 3] = tco2e->get(days - 1, m);
    if (satisfaction != nullptr) values[m][goals_at + 4] = satisfaction->get(days - 1, m);
    values[m][goals_at + 1] = values[m][goals_at + 3] * millions;
    values[m][goals_at + 2] = values[m][goals_at + 4] * millions;
  }
  return values;
}

MunicipalityInfo info(const nation::MunicipalityProfile& profile, const std::string& label) {
  const bool district = profile.ubigeo.size() == 6;
  return {label, profile.name, district ? profile.ubigeo.substr(0, 2) : "-",
          profile.incentive_type.empty() ? "-" : profile.incentive_type, profile.population};
}

}  // namespace

WorldRunValues municipality_values(const World& world) {
  WorldRunValues result;
  const std::size_t count = world.labels().size();
  // The union of the cities' KPIs, in order of first appearance (cities differ: one without bus
  // lines has no mobility KPIs).
  std::map<std::string, std::size_t> position;
  std::vector<std::vector<Kpi>> found(count);
  for (std::size_t m = 0; m < count; ++m) {
    const Simulation* city = world.city(m);
    if (city == nullptr) throw std::logic_error("municipality_values needs every city in this process");
    found[m] = kpis(city->metrics(), world.days_run());
    result.municipalities.push_back(info(world.profiles()[m], world.labels()[m]));
    for (const Kpi& kpi : found[m]) {
      if (position.try_emplace(kpi.name, result.kpis.size()).second) {
        result.kpis.push_back({kpi.name, kpi.unit, city_rule(kpi)});
      }
    }
  }
  const std::size_t city_kpis = result.kpis.size();
  for (WorldKpi& kpi : nation_kpis()) result.kpis.push_back(std::move(kpi));
  const std::vector<std::vector<double>> nation = nation_values(world.nation_series(), count, world.days_run());
  for (std::size_t m = 0; m < count; ++m) {
    std::vector<double> row(city_kpis, std::numeric_limits<double>::quiet_NaN());
    for (const Kpi& kpi : found[m]) row[position.at(kpi.name)] = kpi.value;
    row.insert(row.end(), nation[m].begin(), nation[m].end());
    result.values.push_back(std::move(row));
  }
  return result;
}

WorldRunner world_runner() {
  WorldRunner runner;
  runner.run = [](const WorldScenario& scenario, int threads, const std::atomic<bool>* stop, const ProgressFn& progress) {
    const std::unique_ptr<World> world = make_world(scenario, expand_municipalities(scenario, threads), threads, nullptr);
    world->run(stop, progress);
    const WorldConfig& config = scenario.config;
    // No wall times or thread counts: the file of a run is the same however it was run.
    RunMeta meta;
    meta.scenario_name = config.name;
    meta.scenario_source = scenario.source;
    meta.seed = config.seed;
    meta.start_date = config.start_date.to_string();
    meta.days_planned = world->days_planned();
    meta.days_run = world->days_run();
    meta.text_attrs = {{"kind", "world_kpis"}};
    return tables_output_image(meta, scenario.text, scenario.resolved_yaml, world_run_tables(municipality_values(*world)));
  };
  runner.kpi_names = [](const WorldScenario& scenario) {
    std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario, 1);
    const Simulation first(std::move(municipalities.front().resolved), 1);
    std::vector<std::string> names;
    for (const Kpi& kpi : kpis(first.metrics(), 0)) names.push_back(kpi.name);
    for (const WorldKpi& kpi : nation_kpis()) names.push_back(kpi.name);
    return names;
  };
  return runner;
}

}  // namespace munisim
