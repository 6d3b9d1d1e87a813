#include "sim/experiment/world_results.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "sim/experiment/work_folder.hpp"
#include "sim/io/tables_output.hpp"
#include "sim/scenario/suggest.hpp"

namespace munisim {
namespace {

// Municipalities by group, in the world's order within each group, groups ascending.
using Groups = std::map<std::string, std::vector<std::size_t>>;

template <class Key>
Groups group_by(const std::vector<MunicipalityInfo>& municipalities, Key key) {
  Groups groups;
  for (std::size_t m = 0; m < municipalities.size(); ++m) groups[key(municipalities[m])].push_back(m);
  return groups;
}

// Each compared KPI's index among a run's KPIs; InputError naming the variant that lacks one.
std::vector<std::size_t> kpi_positions(const ExperimentPlan& plan, const PlannedRun& run, const WorldRunValues& values,
                                       const std::vector<std::string>& wanted) {
  std::vector<std::string> names;
  for (const WorldKpi& kpi : values.kpis) names.push_back(kpi.name);
  std::vector<std::size_t> positions;
  for (const std::string& name : wanted) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      const std::string& variant = plan.spec.variants[run.variant].name;
      throw InputError(plan.spec.kpis.empty() ? SourceLocation{plan.spec.source, 0, 0} : plan.spec.kpis_where, "kpis",
                       "variant '" + variant + "' has no KPI '" + name + "' in its world's municipalities (it has: " +
                           listed(names) + ")");
    }
    positions.push_back(static_cast<std::size_t>(found - names.begin()));
  }
  return positions;
}

bool same_municipalities(const std::vector<MunicipalityInfo>& a, const std::vector<MunicipalityInfo>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) { return x.label == y.label; });
}

std::vector<GroupSummary> summarize_groups(const ExperimentPlan& plan, const Groups& groups,
                                           const std::vector<WorldRunValues>& runs,
                                           const std::vector<std::vector<std::size_t>>& positions) {
  std::vector<GroupSummary> result;
  for (const auto& [group, members] : groups) {
    std::vector<std::vector<double>> values;  // [run][kpi]
    for (std::size_t r = 0; r < runs.size(); ++r) {
      std::vector<double> row;
      for (const std::size_t k : positions[r]) row.push_back(aggregate(runs[r], k, members));
      values.push_back(std::move(row));
    }
    GroupSummary summary{group, {}, {}};
    for (const KpiSummary& entry : summarize_runs(plan, values)) {
      summary.values.push_back(entry.value);
      summary.differences.push_back(entry.difference);
    }
    result.push_back(std::move(summary));
  }
  return result;
}

Table group_table(const ExperimentPlan& plan, const ExperimentResults& results, std::string name, std::string column,
                  const std::vector<GroupSummary>& groups) {
  Table table = empty_summary_table(std::move(name), std::move(column));
  const std::size_t kpis = results.kpis.size();
  for (const GroupSummary& group : groups) {
    for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
      for (std::size_t k = 0; k < kpis; ++k) {
        add_summary_row(table, group.group, plan.spec.variants[v].name, results.kpis[k], results.units[k],
                        group.values[v * kpis + k], group.differences[v * kpis + k]);
      }
    }
  }
  return table;
}

}  // namespace

void collect_world_results(const ExperimentPlan& plan, const std::filesystem::path& work, ExperimentResults& results) {
  std::vector<WorldRunValues> runs;
  for (const PlannedRun& run : plan.runs) runs.push_back(world_run_values(read_result_tables(run_file(work, run))));
  const WorldRunValues& first = runs[plan.spec.baseline * static_cast<std::size_t>(plan.spec.replications)];
  if (plan.spec.kpis.empty()) {
    for (const WorldKpi& kpi : first.kpis) results.kpis.push_back(kpi.name);
  } else {
    results.kpis = plan.spec.kpis;
  }
  std::vector<std::vector<std::size_t>> positions;
  for (const PlannedRun& run : plan.runs) {
    positions.push_back(kpi_positions(plan, run, runs[run.index], results.kpis));
    if (!same_municipalities(runs[run.index].municipalities, first.municipalities)) {
      throw InputError({plan.spec.source, 0, 0}, "variants",
                       "variant '" + plan.spec.variants[run.variant].name +
                           "' changes the world's municipalities; every variant of a world experiment must keep the "
                           "same municipalities, so that they can be compared one by one");
    }
  }
  for (const std::size_t k : positions[plan.spec.baseline * static_cast<std::size_t>(plan.spec.replications)]) {
    results.units.push_back(first.kpis[k].unit);
  }
  std::vector<std::size_t> everyone(first.municipalities.size());
  std::iota(everyone.begin(), everyone.end(), 0);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::vector<double> national;
    for (const std::size_t k : positions[r]) national.push_back(aggregate(runs[r], k, everyone));
    results.values.push_back(std::move(national));
  }
  WorldSummaries world;
  world.municipalities = first.municipalities;
  world.departments = summarize_groups(plan, group_by(first.municipalities, [](const auto& m) { return m.department; }),
                                       runs, positions);
  world.types = summarize_groups(plan, group_by(first.municipalities, [](const auto& m) { return m.incentive_type; }),
                                 runs, positions);
  for (std::size_t m = 0; m < first.municipalities.size(); ++m) {
    Groups alone{{first.municipalities[m].label, {m}}};
    world.each.push_back(std::move(summarize_groups(plan, alone, runs, positions).front()));
  }
  results.world = std::move(world);
}

std::vector<Table> world_summary_tables(const ExperimentPlan& plan, const ExperimentResults& results) {
  const WorldSummaries& world = *results.world;
  return {group_table(plan, results, "departments", "department", world.departments),
          group_table(plan, results, "municipality_types", "incentive_type", world.types),
          group_table(plan, results, "municipalities", "municipality", world.each),
          municipality_table("municipality_profiles", world.municipalities)};
}

}  // namespace munisim
