// An experiment's results: each run's KPIs, their summary per variant, the paired differences to
// the baseline, and the experiment file that holds them with every run's series.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/experiment/plan.hpp"
#include "sim/experiment/statistics.hpp"
#include "sim/experiment/world_values.hpp"
#include "sim/io/output.hpp"

namespace munisim {

struct KpiSummary {
  std::size_t variant = 0;
  std::size_t kpi = 0;
  SampleSummary value;
  SampleSummary difference;  // paired: variant - baseline, replication by replication
};

struct ExperimentResults {
  std::vector<std::string> kpis;  // compared KPI series
  std::vector<std::string> units;
  std::vector<std::vector<double>> values;  // [run][kpi], runs in plan order
  std::vector<KpiSummary> summary;          // variant-major, then KPI
  std::optional<WorldSummaries> world;      // an experiment of a world: by department, type, municipality
};

// The KPIs named by the spec must be KPI series of the baseline's scenario: checked by building
// (not running) replication 0 of the baseline, so that a typo is refused before any run starts.
void check_kpi_names(const ExperimentPlan& plan);

// The KPIs of each run (files in `work`, all finished) and their summary.
[[nodiscard]] ExperimentResults collect_results(const ExperimentPlan& plan, const std::filesystem::path& work);

// The summary from KPI values alone ([run][kpi] in plan order).
[[nodiscard]] std::vector<KpiSummary> summarize_runs(const ExperimentPlan& plan,
                                                     const std::vector<std::vector<double>>& values);

// A summary table: [group column,] variant, kpi, unit, n, mean, std, ci95_low, ci95_high and the
// same four of the paired difference to the baseline (diff_...).
[[nodiscard]] Table empty_summary_table(std::string name, std::string group_column = "");
void add_summary_row(Table& table, const std::string& group, const std::string& variant, const std::string& kpi,
                     const std::string& unit, const SampleSummary& value, const SampleSummary& difference);

// Writes the experiment file (experiment_output.hpp) from the runs in `work`, complete or absent.
void write_experiment_file(const ExperimentPlan& plan, const std::filesystem::path& work, const ExperimentResults& results,
                           const std::filesystem::path& out);

}  // namespace munisim
