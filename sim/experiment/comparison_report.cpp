#include "sim/experiment/comparison_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <span>

#include "munisim/version.hpp"
#include "sim/experiment/interval_chart.hpp"
#include "sim/experiment/world_report.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

constexpr const char* kStyle = R"(body{font-family:system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse;margin:.5em 0}
td,th{padding:.25em .7em;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}
.chart{width:100%;max-width:640px;display:block}.title{font-weight:600;font-size:13px}.tick{font-size:11px;fill:#555}
.interval{stroke:#2b6cb0;stroke-width:3}.estimate{fill:#1a365d}.reference{stroke:#c53030;stroke-dasharray:4 3}
.charts{display:flex;flex-wrap:wrap;gap:1em}.map{width:100%;max-width:520px}.map .districts path{stroke:#fff;stroke-width:.15}
.map .departments path{fill:none;stroke:#333;stroke-width:.6}h3{font-size:1em;margin-top:1.5em}pre{background:#f6f6f6;padding:.8em;overflow:auto}.note{color:#555})";

std::string number(double value) { return std::isnan(value) ? "–" : fmt::format("{:.4g}", value); }

std::string interval(const SampleSummary& s) {
  return std::isnan(s.ci95_low) ? "–" : "[" + number(s.ci95_low) + ", " + number(s.ci95_high) + "]";
}

std::string kpi_section(const ExperimentPlan& plan, const ExperimentResults& results, std::size_t kpi) {
  const std::string& name = results.kpis[kpi];
  const std::string& unit = results.units[kpi];
  const std::string& baseline = plan.spec.variants[plan.spec.baseline].name;
  std::vector<IntervalRow> values, differences;
  std::string rows;
  double baseline_mean = 0;
  for (const KpiSummary& row : results.summary) {
    if (row.kpi != kpi) continue;
    const std::string& variant = plan.spec.variants[row.variant].name;
    const bool is_baseline = row.variant == plan.spec.baseline;
    if (is_baseline) baseline_mean = row.value.mean;
    values.push_back({variant, row.value.mean, row.value.ci95_low, row.value.ci95_high});
    if (!is_baseline) differences.push_back({variant, row.difference.mean, row.difference.ci95_low, row.difference.ci95_high});
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        html_escape(variant), row.value.n, number(row.value.mean), number(row.value.std),
                        interval(row.value), is_baseline ? "" : number(row.difference.mean),
                        is_baseline ? "" : interval(row.difference));
  }
  std::string html = fmt::format("<h2 id=\"{0}\">{0} <span class=\"note\">({1})</span></h2>", html_escape(name),
                                 html_escape(unit));
  html += "<div class=\"charts\">" + svg_interval_chart("mean and 95 % interval", unit, values, baseline_mean);
  if (!differences.empty()) {
    html += svg_interval_chart("paired difference to " + baseline + ", 95 % interval", unit, differences, 0);
  }
  html += "</div><table><tr><th>variant</th><th>n</th><th>mean</th><th>std</th><th>95 % CI</th><th>difference to " +
          html_escape(baseline) + "</th><th>95 % CI</th></tr>" + rows + "</table>";
  return html;
}

}  // namespace

std::string comparison_report_html(const ExperimentPlan& plan, const ExperimentResults& results) {
  const ExperimentSpec& spec = plan.spec;
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html_escape(spec.name) +
                     " — munisim experiment</title><style>" + kStyle + "</style></head><body>";
  html += "<h1>Experiment " + html_escape(spec.name) + "</h1>";
  html += fmt::format(
      "<p>Base scenario <code>{}</code>; {} variants × {} replications = {} runs. Replication i runs with seed {} + i in "
      "every variant (common random numbers), so differences to the baseline <b>{}</b> are paired. Intervals are 95 % "
      "Student-t confidence intervals of the mean over replications. munisim {}.</p>",
      html_escape(spec.scenario.string()), spec.variants.size(), spec.replications, plan.runs.size(), plan.first_seed,
      html_escape(spec.variants[spec.baseline].name), html_escape(kVersion));
  html += "<p>KPIs: ";
  for (std::size_t k = 0; k < results.kpis.size(); ++k) {
    html += fmt::format("{0}<a href=\"#{1}\">{1}</a>", k == 0 ? "" : ", ", html_escape(results.kpis[k]));
  }
  html += "</p>";
  if (results.world) {
    html += world_report_sections(plan, results);
    html += "<h2>National KPIs, variant by variant</h2><p class=\"note\">Each run's municipalities added up (quantities "
            "summed, shares and means averaged, ratios as sums over sums).</p>";
  }
  for (std::size_t k = 0; k < results.kpis.size(); ++k) html += kpi_section(plan, results, k);
  html += "<h2>Spec</h2><pre>" + html_escape(spec.text) + "</pre></body></html>\n";
  return html;
}

void write_comparison_report(const std::filesystem::path& path, const ExperimentPlan& plan,
                             const ExperimentResults& results) {
  const std::string html = comparison_report_html(plan, results);
  write_file_atomically(path, std::span(reinterpret_cast<const unsigned char*>(html.data()), html.size()));
}

}  // namespace munisim
