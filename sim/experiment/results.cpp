#include "sim/experiment/results.hpp"

#include <algorithm>

#include "sim/experiment/work_folder.hpp"
#include "sim/experiment/world_results.hpp"
#include "sim/io/tables_output.hpp"
#include "sim/io/experiment_output.hpp"
#include "sim/model/kpi.hpp"
#include "sim/model/simulation.hpp"
#include "sim/scenario/suggest.hpp"

namespace munisim {
namespace {

std::vector<std::string> kpi_names(const std::vector<Kpi>& kpis) {
  std::vector<std::string> names;
  for (const Kpi& kpi : kpis) names.push_back(kpi.name);
  return names;
}

std::vector<double> kpi_values(const ExperimentPlan& plan, const PlannedRun& run, const std::vector<Kpi>& found,
                               const std::vector<std::string>& wanted) {
  std::vector<double> values;
  for (const std::string& name : wanted) {
    const auto kpi = std::find_if(found.begin(), found.end(), [&](const Kpi& k) { return k.name == name; });
    if (kpi == found.end()) {
      const std::string& variant = plan.spec.variants[run.variant].name;
      throw InputError(plan.spec.kpis.empty() ? SourceLocation{plan.spec.source, 0, 0} : plan.spec.kpis_where, "kpis",
                       "variant '" + variant + "' has no KPI '" + name + "'; list under kpis: the KPIs every variant has (" +
                           variant + " has: " + listed(kpi_names(found)) + ")");
    }
    values.push_back(kpi->value);
  }
  return values;
}

Table runs_table(const ExperimentPlan& plan, const ExperimentResults& results) {
  Table table{.name = "runs"};
  table.texts = {{"run", {}}, {"variant", {}}, {"kpi", {}}, {"unit", {}}};
  table.ints = {{"replication", {}}, {"seed", {}}};
  table.numbers = {{"value", "the row's unit", {}}};
  for (const PlannedRun& run : plan.runs) {
    for (std::size_t k = 0; k < results.kpis.size(); ++k) {
      table.texts[0].values.push_back(run.id());
      table.texts[1].values.push_back(plan.spec.variants[run.variant].name);
      table.texts[2].values.push_back(results.kpis[k]);
      table.texts[3].values.push_back(results.units[k]);
      table.ints[0].values.push_back(run.replication);
      table.ints[1].values.push_back(run.seed);
      table.numbers[0].values.push_back(results.values[run.index][k]);
    }
  }
  return table;
}

Table summary_table(const ExperimentPlan& plan, const ExperimentResults& results) {
  Table table = empty_summary_table("kpis");
  for (const KpiSummary& row : results.summary) {
    add_summary_row(table, "", plan.spec.variants[row.variant].name, results.kpis[row.kpi], results.units[row.kpi],
                    row.value, row.difference);
  }
  return table;
}

}  // namespace

Table empty_summary_table(std::string name, std::string group_column) {
  Table table{.name = std::move(name)};
  if (!group_column.empty()) table.texts.push_back({std::move(group_column), {}});
  for (const char* column : {"variant", "kpi", "unit"}) table.texts.push_back({column, {}});
  table.ints = {{"n", {}}};
  const char* unit = "the row's unit";
  table.numbers = {{"mean", unit, {}},          {"std", unit, {}},           {"ci95_low", unit, {}},
                   {"ci95_high", unit, {}},     {"diff_mean", unit, {}},     {"diff_std", unit, {}},
                   {"diff_ci95_low", unit, {}}, {"diff_ci95_high", unit, {}}};
  return table;
}

void add_summary_row(Table& table, const std::string& group, const std::string& variant, const std::string& kpi,
                     const std::string& unit, const SampleSummary& value, const SampleSummary& difference) {
  std::vector<const std::string*> texts{&variant, &kpi, &unit};
  if (table.texts.size() == 4) texts.insert(texts.begin(), &group);
  for (std::size_t i = 0; i < texts.size(); ++i) table.texts[i].values.push_back(*texts[i]);
  table.ints[0].values.push_back(static_cast<std::int64_t>(value.n));
  const SampleSummary& v = value;
  const SampleSummary& d = difference;
  for (const auto& [column, number] : {std::pair{0, v.mean}, {1, v.std}, {2, v.ci95_low}, {3, v.ci95_high},
                                       {4, d.mean}, {5, d.std}, {6, d.ci95_low}, {7, d.ci95_high}}) {
    table.numbers[static_cast<std::size_t>(column)].values.push_back(number);
  }
}

void check_kpi_names(const ExperimentPlan& plan) {
  if (plan.spec.kpis.empty()) return;
  std::vector<std::string> known;
  if (plan.world) {
    known = plan.world_runner.kpi_names(plan.world_baseline);
  } else {
    const Simulation simulation(plan.baseline, 1);
    known = kpi_names(kpis(simulation.metrics(), 0));
  }
  for (std::size_t i = 0; i < plan.spec.kpis.size(); ++i) {
    const std::string& name = plan.spec.kpis[i];
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    throw InputError(plan.spec.kpis_where, "kpis[" + std::to_string(i) + "]",
                     "'" + name + "' is not a KPI series of the baseline's scenario; expected one of: " + listed(known));
  }
}

std::vector<KpiSummary> summarize_runs(const ExperimentPlan& plan, const std::vector<std::vector<double>>& values) {
  const auto replications = static_cast<std::size_t>(plan.spec.replications);
  const std::size_t kpi_count = values.empty() ? 0 : values.front().size();
  auto sample = [&](std::size_t variant, std::size_t kpi) {
    std::vector<double> drawn;
    for (std::size_t r = 0; r < replications; ++r) drawn.push_back(values[variant * replications + r][kpi]);
    return drawn;
  };
  std::vector<KpiSummary> summary;
  for (std::size_t variant = 0; variant < plan.spec.variants.size(); ++variant) {
    for (std::size_t kpi = 0; kpi < kpi_count; ++kpi) {
      const std::vector<double> own = sample(variant, kpi);
      summary.push_back({variant, kpi, summarize(own), summarize_differences(own, sample(plan.spec.baseline, kpi))});
    }
  }
  return summary;
}

ExperimentResults collect_results(const ExperimentPlan& plan, const std::filesystem::path& work) {
  ExperimentResults results;
  if (plan.world) {
    collect_world_results(plan, work, results);
    results.summary = summarize_runs(plan, results.values);
    return results;
  }
  const PlannedRun& first_baseline = plan.runs[plan.spec.baseline * static_cast<std::size_t>(plan.spec.replications)];
  std::vector<std::vector<Kpi>> found;  // [run], each file read once
  for (const PlannedRun& run : plan.runs) found.push_back(kpis(read_output(run_file(work, run))));
  const std::vector<Kpi>& baseline_kpis = found[first_baseline.index];
  results.kpis = plan.spec.kpis.empty() ? kpi_names(baseline_kpis) : plan.spec.kpis;
  for (const std::string& name : results.kpis) {
    const auto kpi = std::find_if(baseline_kpis.begin(), baseline_kpis.end(), [&](const Kpi& k) { return k.name == name; });
    results.units.push_back(kpi == baseline_kpis.end() ? std::string() : kpi->unit);
  }
  for (const PlannedRun& run : plan.runs) results.values.push_back(kpi_values(plan, run, found[run.index], results.kpis));
  results.summary = summarize_runs(plan, results.values);
  return results;
}

void write_experiment_file(const ExperimentPlan& plan, const std::filesystem::path& work, const ExperimentResults& results,
                           const std::filesystem::path& out) {
  ExperimentContent content;
  const ExperimentSpec& spec = plan.spec;
  content.text_attrs = {{"experiment_name", spec.name},
                        {"spec_source", spec.source},
                        {"scenario", spec.scenario.string()},
                        {"baseline", spec.variants[spec.baseline].name}};
  content.number_attrs = {{"replications", spec.replications},
                          {"variants", static_cast<double>(spec.variants.size())},
                          {"first_seed", static_cast<double>(plan.first_seed)}};
  content.spec_text = spec.text;
  content.run_count = plan.runs.size();
  content.run = [&](std::size_t index) {
    const PlannedRun& run = plan.runs[index];
    const std::filesystem::path file = run_file(work, run);
    return ExperimentRun{run.id(),
                         spec.variants[run.variant].name,
                         run.replication,
                         run.seed,
                         run_overrides(plan, run),
                         read_output(file),
                         plan.world ? read_result_tables(file) : std::vector<Table>{}};
  };
  content.summary = {summary_table(plan, results), runs_table(plan, results)};
  if (plan.world) {
    for (Table& table : world_summary_tables(plan, results)) content.summary.push_back(std::move(table));
  }
  write_experiment(out, content);
}

}  // namespace munisim
