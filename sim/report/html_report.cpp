#include "sim/report/html_report.hpp"

#include <cstdio>

#include "sim/core/metrics.hpp"
#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

const char* kStyle = R"(body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse}
td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}td.num{text-align:right}
.chart{width:100%;max-width:640px;height:auto}.title{font-size:13px;font-weight:600}
.tick{font-size:11px;fill:#555}.axis{stroke:#888}.line{fill:none;stroke:#1f77b4;stroke-width:1.5}
pre{background:#f6f6f6;padding:1rem;overflow:auto;max-height:24rem})";

std::string meta_text(const OutputFile& file, const std::string& key) {
  if (auto text = file.text_meta.find(key); text != file.text_meta.end()) return text->second;
  if (auto number = file.number_meta.find(key); number != file.number_meta.end()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", number->second);
    return buffer;
  }
  return "";
}

// Daily totals over every dimension but the day.
std::vector<double> daily_totals(const SeriesData& series) {
  const std::size_t days = series.shape.empty() ? 0 : series.shape[0];
  const std::size_t cells = days == 0 ? 0 : series.values.size() / days;
  std::vector<double> totals(days, 0.0);
  for (std::size_t day = 0; day < days; ++day) {
    for (std::size_t cell = 0; cell < cells; ++cell) totals[day] += series.values[day * cells + cell];
  }
  return totals;
}

}  // namespace

std::string html_report(const OutputFile& file) {
  const std::string name = meta_text(file, "scenario_name");
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>munisim report: " + html_escape(name) +
      "</title><style>" + kStyle + "</style></head><body>";
  html += "<h1>munisim report: " + html_escape(name) + "</h1><table>";
  for (const char* key : {"city_name", "city_source", "start_date", "days_run", "seed", "sampling", "districts",
                          "citizen_agents", "network_nodes", "munisim_version", "git_describe", "wall_seconds"}) {
    html += "<tr><th>" + std::string(key) + "</th><td>" + html_escape(meta_text(file, key)) + "</td></tr>";
  }
  html += "</table><h2>Key indicators</h2><table><tr><th>indicator</th><th>value</th><th>unit</th><th>as</th></tr>";
  std::string charts;
  const std::string first = file.dates.empty() ? "" : file.dates.front();
  const std::string last = file.dates.empty() ? "" : file.dates.back();
  for (const SeriesData& series : file.series) {
    const Summary summary = summary_from_name(series.summary).value_or(Summary::none);
    if (summary == Summary::none || series.shape.empty()) continue;
    const std::vector<double> totals = daily_totals(series);
    const double value = summarise(summary, totals, 1, static_cast<int>(totals.size()));
    char number[32];
    std::snprintf(number, sizeof number, "%.6g", value);
    html += "<tr><td>" + html_escape(series.name) + "</td><td class=\"num\">" + number + "</td><td>" +
            html_escape(series.unit) + "</td><td>" + summary_description(summary) + "</td></tr>";
    charts += "<h3>" + html_escape(series.name) + "</h3>" +
              svg_line_chart(series.description, series.unit, totals, first, last);
  }
  html += "</table><h2>Over time</h2>" + charts;
  html += "<h2>Scenario as given</h2><pre>" + html_escape(file.scenario_text) + "</pre></body></html>\n";
  return html;
}

}  // namespace munisim
