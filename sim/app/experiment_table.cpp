#include "sim/app/experiment_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/app/kpi_table.hpp"

namespace munisim::app {
namespace {

std::string interval(double low, double high) {
  if (std::isnan(low)) return "n < 2";
  return "[" + with_thousands(low) + ", " + with_thousands(high) + "]";
}

std::string signed_value(double value) { return (value > 0 ? "+" : "") + with_thousands(value); }

}  // namespace

void print_experiment_table(std::FILE* stream, const ExperimentPlan& plan, const ExperimentResults& results) {
  const std::string& baseline = plan.spec.variants[plan.spec.baseline].name;
  using Row = std::array<std::string, 7>;
  std::vector<Row> rows{{"KPI", "unit", "variant", "mean", "95% CI", "vs " + baseline, "95% CI"}};
  std::size_t last_kpi = results.kpis.size();
  std::vector<KpiSummary> by_kpi = results.summary;
  std::stable_sort(by_kpi.begin(), by_kpi.end(), [](const KpiSummary& a, const KpiSummary& b) { return a.kpi < b.kpi; });
  for (const KpiSummary& row : by_kpi) {
    const bool first = row.kpi != last_kpi;
    last_kpi = row.kpi;
    const bool is_baseline = row.variant == plan.spec.baseline;
    rows.push_back({first ? results.kpis[row.kpi] : "", first ? results.units[row.kpi] : "",
                    plan.spec.variants[row.variant].name, with_thousands(row.value.mean),
                    interval(row.value.ci95_low, row.value.ci95_high), is_baseline ? "" : signed_value(row.difference.mean),
                    is_baseline ? "" : interval(row.difference.ci95_low, row.difference.ci95_high)});
  }
  std::array<std::size_t, 7> widths{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const Row& row : rows) {
    fmt::print(stream, "{:<{}}  {:<{}}  {:<{}}  {:>{}}  {:<{}}  {:>{}}  {}\n", row[0], widths[0], row[1], widths[1], row[2],
               widths[2], row[3], widths[3], row[4], widths[4], row[5], widths[5], row[6]);
  }
  fmt::print(stream, "{} replications per variant with shared seeds {}..{}; differences are paired\n",
             plan.spec.replications, plan.first_seed, plan.first_seed + plan.spec.replications - 1);
}

}  // namespace munisim::app
