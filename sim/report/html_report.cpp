#include "sim/report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "sim/core/error.hpp"
#include "sim/report/group_splits.hpp"
#include "sim/report/headlines.hpp"
#include "sim/report/quantity_format.hpp"
#include "sim/report/svg_chart.hpp"
#include "sim/report/svg_map.hpp"

namespace munisim {
namespace {

// Text #222 and links #0b57a4 on white, the better/worse marks #0a6b2c and #a3152a: all above the
// 4.5:1 contrast of WCAG 2.1 AA. Direction is always also said in words.
const char* kStyle =
    R"(body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#222;line-height:1.4}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #ddd}
h3{font-size:1.1rem;margin-top:1.6rem}a{color:#0b57a4}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
caption{text-align:left;font-weight:600;padding:.3rem 0}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;
text-align:left;vertical-align:top}td.num,th.num{text-align:right;white-space:nowrap}
td.meaning,caption,.others th{overflow-wrap:anywhere}.others td.num{white-space:normal}td.meaning{font-size:.9rem;color:#444}
.better{color:#0a6b2c}.worse{color:#a3152a}.notice{background:#fff4d6;border-left:4px solid #b07d00;padding:.6rem 1rem}
.lede{color:#444}nav ul{columns:2}figure{margin:.5rem 0 1rem}.pair{display:grid;gap:1.5rem;
grid-template-columns:repeat(auto-fit,minmax(320px,1fr));align-items:start}.charts{display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(420px,1fr))}figcaption{font-size:.9rem;color:#444}
.chart{width:100%;max-width:640px;height:auto}.map{width:100%;max-width:560px;height:auto}
.title{font-size:13px;font-weight:600}.tick,.legend{font-size:11px;fill:#333}.axis{stroke:#888}
.line{fill:none;stroke:#1f5f99;stroke-width:1.8}.line.baseline{stroke:#777;stroke-dasharray:5 4}
.district{stroke:#fff;stroke-width:.6}.district-name{font-size:12px;font-weight:600;fill:#111;paint-order:stroke;
stroke:#fff;stroke-width:3px}code{font-size:.85em;color:#555}
pre{background:#f6f6f6;padding:1rem;overflow:auto;max-height:24rem}@media print{nav{display:none}})";

std::string raw_number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

// Metadata as text: whole numbers as they are (a seed is no quantity), others readably.
std::string meta_text(const OutputFile& file, const std::string& key) {
  if (auto text = file.text_meta.find(key); text != file.text_meta.end()) return text->second;
  if (auto number = file.number_meta.find(key); number != file.number_meta.end()) {
    return number->second == std::floor(number->second) ? raw_number(number->second) : format_number(number->second);
  }
  return "";
}

// A count from the metadata (agents, street nodes) with thousands separators.
std::string meta_count(const OutputFile& file, const std::string& key) {
  const auto number = file.number_meta.find(key);
  return number == file.number_meta.end() ? meta_text(file, key) : format_number(number->second);
}

std::string escaped(const std::string& text) { return html_escape(text); }

std::string code(const std::string& name) { return "<code>" + escaped(name) + "</code>"; }

// "▲ higher, better" and the class that colours it; colour is never the only signal.
std::pair<std::string, std::string> direction(double difference, Better better) {
  if (difference == 0 || !std::isfinite(difference)) return {"same", "= no change"};
  const bool up = difference > 0;
  std::string text = up ? "\u25B2 higher" : "\u25BC lower";
  if (better == Better::either) return {up ? "up" : "down", text};
  const bool improved = up == (better == Better::higher);
  return {improved ? "better" : "worse", text + (improved ? ", better" : ", worse")};
}

const Headline* find_headline(const std::vector<HeadlineSection>& sections, const std::string& id) {
  for (const HeadlineSection& section : sections) {
    for (const Headline& row : section.rows)
      if (row.id == id) return &row;
  }
  return nullptr;
}

std::string comparison_cells(double value, const std::optional<double>& base, const std::string& unit, Better better,
                             const std::string& id) {
  if (!base) return "<td class=\"num\">not in the baseline</td><td></td><td></td><td></td>";
  const double difference = value - *base;
  const auto [css, words] = direction(difference, better);
  return "<td class=\"num\">" + escaped(format_quantity(*base, unit)) + "</td><td class=\"num diff\" data-kpi=\"" +
         escaped(id) + "\" data-difference=\"" + raw_number(difference) + "\">" +
         escaped(format_difference(difference, unit)) + "</td><td class=\"num\">" +
         escaped(format_relative_change(value, *base)) + "</td><td class=\"" + css + "\" data-direction=\"" +
         escaped(id) + "\">" + escaped(words) + "</td>";
}

std::string comparison_headers(bool compared) {
  return compared ? "<th scope=\"col\" class=\"num\">baseline</th><th scope=\"col\" class=\"num\">difference</th>"
                    "<th scope=\"col\" class=\"num\">change</th><th scope=\"col\">direction</th>"
                  : "";
}

std::string header(const ReportRun& run, const ReportRun* baseline) {
  const OutputFile& file = run.output;
  const std::string city = meta_text(file, "city_name"), name = meta_text(file, "scenario_name");
  const std::string first = file.dates.empty() ? "" : file.dates.front(),
                    last = file.dates.empty() ? "" : file.dates.back();
  std::string html = "<header><h1>" + escaped(city.empty() ? name : city + ": " + name) + "</h1><p class=\"lede\">" +
                     escaped(first + " to " + last + ", " + meta_text(file, "days_run") + " days simulated; seed " +
                             meta_text(file, "seed") + "; munisim " + meta_text(file, "munisim_version") + " (" +
                             meta_text(file, "git_describe") + "); city: " + meta_text(file, "city_source")) +
                     "</p>";
  if (baseline != nullptr) {
    const OutputFile& base = baseline->output;
    html += "<p class=\"lede\" id=\"comparison\">Compared with the baseline run <strong>" +
            escaped(meta_text(base, "scenario_name")) + "</strong> (" + escaped(baseline->path.filename().string()) +
            ", seed " + escaped(meta_text(base, "seed")) + ", " + escaped(meta_text(base, "days_run")) +
            " days). Differences are this run minus the baseline; \u25B2 higher or \u25BC lower, and better or "
            "worse where the direction of an improvement is clear.</p>";
  }
  return html + "</header>";
}

std::string headline_tables(const std::vector<HeadlineSection>& sections,
                            const std::vector<HeadlineSection>* baseline) {
  std::string html = "<section id=\"headlines\"><h2>Headline indicators</h2>";
  for (const HeadlineSection& section : sections) {
    html += "<h3 id=\"" + std::string(topic_anchor(section.topic)) + "\">" + escaped(topic_title(section.topic)) +
            "</h3><table class=\"kpis\"><caption>" + escaped(topic_title(section.topic)) +
            ": headline indicators</caption><thead><tr><th scope=\"col\">indicator</th><th scope=\"col\" "
            "class=\"num\">value</th>" +
            comparison_headers(baseline != nullptr) + "<th scope=\"col\">what it means</th></tr></thead><tbody>";
    for (const Headline& row : section.rows) {
      html += "<tr><th scope=\"row\">" + escaped(row.label) + "</th><td class=\"num value\" data-kpi=\"" +
              escaped(row.id) + "\" data-value=\"" + raw_number(row.value) + "\" data-unit=\"" + escaped(row.unit) +
              "\">" + escaped(format_quantity(row.value, row.unit)) + "</td>";
      if (baseline != nullptr) {
        const Headline* base = nullptr;
        for (const HeadlineSection& base_section : *baseline) {
          for (const Headline& candidate : base_section.rows)
            if (candidate.id == row.id) base = &candidate;
        }
        html +=
            comparison_cells(row.value, base ? std::optional(base->value) : std::nullopt, row.unit, row.better, row.id);
      }
      std::string names;
      for (const std::string& series : row.series) names += (names.empty() ? "" : ", ") + code(series);
      html += "<td class=\"meaning\">" + escaped(row.meaning) + " (" + names + ")</td></tr>";
    }
    html += "</tbody></table>";
  }
  return html + "</section>";
}

// A series shown as a map, with its split by district.
struct MapSeries {
  const SeriesData* series;
  GroupSplit split;
};

// The series shown as maps: headline KPIs and a few more that are about places, if split by district.
std::vector<MapSeries> map_series(const OutputFile& file, const std::vector<HeadlineSection>& sections) {
  std::vector<std::string> names;
  for (const HeadlineSection& section : sections) {
    for (const Headline& row : section.rows) names.insert(names.end(), row.series.begin(), row.series.end());
  }
  for (const char* extra :
       {"waste_separating_households_share", "complaints_filed_by_group", "mobility_trips_by_district"})
    names.emplace_back(extra);
  std::vector<MapSeries> found;
  for (const std::string& name : names) {
    const SeriesData* series = find_series(file, name);
    if (series == nullptr ||
        std::any_of(found.begin(), found.end(), [&](const MapSeries& map) { return map.series == series; }))
      continue;
    std::optional<GroupSplit> split = split_by(*series, "district");
    if (split && split->rows.size() == 1) found.push_back({series, std::move(*split)});
  }
  return found;
}

std::string map_section(const ReportRun& run, const ReportRun* baseline, const std::vector<HeadlineSection>& sections) {
  std::string html = "<section id=\"maps\"><h2>Districts</h2>";
  const std::optional<DistrictShapes> shapes = district_shapes(run.geometry);
  if (!shapes) {
    return html +
           "<p class=\"notice\" id=\"no-geometry\">This output holds no district geometry (<code>/geometry/"
           "districts</code> with boundaries or street nodes), so the report has no maps. Outputs written by "
           "<code>munisim run</code> include it: run the scenario again with this version to get them. The "
           "tables below still give every district's values.</p></section>";
  }
  html +=
      "<p>Each map colours the districts by one indicator, from dark purple (lowest) to yellow (highest); the "
      "table beside it gives the values. Shapes: " +
      escaped(shapes->layout) + ".</p>";
  int index = 0;
  for (const auto& [series, split] : map_series(run.output, sections)) {
    if (split.columns.size() != shapes->names.size()) continue;
    const Headline* headline = find_headline(sections, series->name);
    const std::string title = headline ? headline->label : series->description;
    html += "<div class=\"map-block\"><h3>" + escaped(title) + " by district</h3><div class=\"pair\"><figure>" +
            svg_district_map(*shapes, split.values[0], title + " (" + split.how + ")", series->unit, index++) +
            "<figcaption>" + escaped(series->description + "; " + split.how + ".") + " " + code(series->name) +
            "</figcaption></figure>";
    std::optional<GroupSplit> base;
    if (baseline != nullptr) {
      if (const SeriesData* base_series = find_series(baseline->output, series->name))
        base = split_by(*base_series, "district");
      if (base && base->columns != split.columns) base.reset();
    }
    html += "<table class=\"districts\"><caption>" + escaped(title + " by district, " + split.how) +
            "</caption><thead><tr><th scope=\"col\">district</th><th scope=\"col\" class=\"num\">value</th>" +
            (base ? "<th scope=\"col\" class=\"num\">baseline</th><th scope=\"col\" class=\"num\">difference</th>"
                  : std::string()) +
            "</tr></thead><tbody>";
    for (std::size_t d = 0; d < split.columns.size(); ++d) {
      const double value = split.values[0][d];
      html += "<tr><th scope=\"row\">" + escaped(split.columns[d]) + "</th><td class=\"num\">" +
              escaped(format_quantity(value, series->unit)) + "</td>";
      if (base) {
        html += "<td class=\"num\">" + escaped(format_quantity(base->values[0][d], series->unit)) +
                "</td><td class=\"num\">" + escaped(format_difference(value - base->values[0][d], series->unit)) +
                "</td>";
      }
      html += "</tr>";
    }
    html += "</tbody></table></div></div>";
  }
  return html + "</section>";
}

std::string dim_title(const std::string& dim) { return dim == "income_group" ? "income group" : dim; }

std::string split_table(const SeriesData& series, const GroupSplit& split, const std::optional<GroupSplit>& base) {
  const std::string unit = series.unit;
  std::string html = "<table class=\"split\" data-series=\"" + escaped(series.name) + "\"><caption>" +
                     escaped(series.description + " (" + display_unit(unit) + ", " + split.how + ")") + " " +
                     code(series.name) + "</caption><thead><tr>";
  if (split.rows.size() == 1) {
    const bool extensive = !is_intensive_unit(unit);
    double total = 0;
    for (double value : split.values[0]) total += value;
    html +=
        "<th scope=\"col\">" + escaped(dim_title(split.dim)) + "</th><th scope=\"col\" class=\"num\">value</th>" +
        (extensive ? "<th scope=\"col\" class=\"num\">share of all</th>" : "") +
        (base ? "<th scope=\"col\" class=\"num\">baseline</th><th scope=\"col\" class=\"num\">difference</th>" : "") +
        "</tr></thead><tbody>";
    for (std::size_t c = 0; c < split.columns.size(); ++c) {
      const double value = split.values[0][c];
      html += "<tr><th scope=\"row\">" + escaped(split.columns[c]) + "</th><td class=\"num\">" +
              escaped(format_quantity(value, unit)) + "</td>";
      if (extensive)
        html += "<td class=\"num\">" + escaped(total != 0 ? format_quantity(value / total, "1") : "n/a") + "</td>";
      if (base) {
        const double difference = value - base->values[0][c];
        html += "<td class=\"num\">" + escaped(format_quantity(base->values[0][c], unit)) + "</td><td class=\"num\">" +
                escaped(format_difference(difference, unit)) + "</td>";
      }
      html += "</tr>";
    }
    return html + "</tbody></table>";
  }
  html += "<th scope=\"col\">" + escaped(split.row_dim) + "</th>";
  for (const std::string& column : split.columns)
    html += "<th scope=\"col\" class=\"num\">" + escaped(column) + "</th>";
  html += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < split.rows.size(); ++r) {
    html += "<tr><th scope=\"row\">" + escaped(split.rows[r]) + "</th>";
    for (std::size_t c = 0; c < split.columns.size(); ++c) {
      html += "<td class=\"num\">" + escaped(format_quantity(split.values[r][c], unit));
      if (base) html += " (" + escaped(format_difference(split.values[r][c] - base->values[r][c], unit)) + ")";
      html += "</td>";
    }
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

std::string equity_section(const ReportRun& run, const ReportRun* baseline) {
  std::string html = "<section id=\"equity\"><h2>Equity: by gender and income group</h2>";
  if (baseline != nullptr) html += "<p>Differences from the baseline are given beside each value or in brackets.</p>";
  for (const std::string dim : {"gender", "income_group"}) {
    std::string tables;
    for (const SeriesData& series : run.output.series) {
      const std::optional<GroupSplit> split = split_by(series, dim);
      if (!split) continue;
      std::optional<GroupSplit> base;
      if (baseline != nullptr) {
        if (const SeriesData* base_series = find_series(baseline->output, series.name))
          base = split_by(*base_series, dim);
        if (base && (base->columns != split->columns || base->rows != split->rows)) base.reset();
      }
      tables += split_table(series, *split, base);
    }
    html += "<h3 id=\"by-" + dim + "\">By " + escaped(dim_title(dim)) + "</h3>" +
            (tables.empty() ? "<p>No series of this output is split by " + escaped(dim_title(dim)) + ".</p>" : tables);
  }
  return html + "</section>";
}

std::string charts_section(const ReportRun& run, const ReportRun* baseline,
                           const std::vector<HeadlineSection>& sections,
                           const std::vector<HeadlineSection>* base_sections) {
  const OutputFile& file = run.output;
  const std::string first = file.dates.empty() ? "" : file.dates.front(),
                    last = file.dates.empty() ? "" : file.dates.back();
  std::string html = "<section id=\"over-time\"><h2>Over time</h2><p>The city's value day by day" +
                     std::string(baseline ? "; solid line: this run, dashed grey line: the baseline" : "") +
                     ".</p><div class=\"charts\">";
  for (const HeadlineSection& section : sections) {
    for (const Headline& row : section.rows) {
      if (row.daily.empty()) continue;
      const Headline* base = base_sections ? find_headline(*base_sections, row.id) : nullptr;
      html += "<figure>" +
              svg_line_chart(row.label + " (" + display_unit(row.unit) + ")", row.unit, row.daily, first, last,
                             base ? base->daily : std::vector<double>{}) +
              "</figure>";
    }
  }
  return html + "</div></section>";
}

std::string dims_text(const SeriesData& series) {
  std::string text;
  for (std::size_t i = 1; i < series.dims.size(); ++i) text += (text.empty() ? "by " : ", ") + series.dims[i];
  return text.empty() ? "city" : text;
}

// An uncondensed series in words: its range over the cells on the last day.
std::string last_day_range(const SeriesData& series) {
  if (series.shape.empty() || series.shape[0] == 0 || series.values.empty()) return "no days";
  const std::size_t cells = series.values.size() / series.shape[0];
  const auto begin = series.values.end() - static_cast<std::ptrdiff_t>(cells);
  const auto [low, high] = std::minmax_element(begin, series.values.end());
  return "last day: " + format_quantity(*low, series.unit) + " to " + format_quantity(*high, series.unit) + " across " +
         (cells >= 1000 ? format_number(static_cast<double>(cells)) : std::to_string(cells)) + " cells";
}

std::string other_section(const ReportRun& run, const ReportRun* baseline, const std::vector<HeadlineSection>& sections) {
  std::string html =
      "<section id=\"other\"><h2>Other series</h2><p>Every other series in the output, with what it counts. A "
      "count is condensed as its summary says; a share or mean over several groups is given as its range on "
      "the last day.</p><table class=\"others\"><caption>Other series of this output</caption><thead><tr><th "
      "scope=\"col\">series</th><th scope=\"col\">what it counts</th><th scope=\"col\">split</th><th scope=\"col\" "
      "class=\"num\">value</th>" +
      std::string(baseline ? "<th scope=\"col\" class=\"num\">difference</th>" : "") + "</tr></thead><tbody>";
  for (const SeriesData* series : other_series(run.output, sections)) {
    const std::optional<double> value = condensed_value(*series);
    const Summary summary = summary_from_name(series->summary).value_or(Summary::none);
    html += "<tr><th scope=\"row\">" + code(series->name) + "</th><td>" + escaped(series->description) + " (" +
            escaped(display_unit(series->unit)) + ")</td><td>" + escaped(dims_text(*series)) +
            "</td><td class=\"num\">" +
            escaped(value ? format_quantity(*value, series->unit) + ", " +
                                (summary == Summary::none ? "on the last day" : summary_description(summary))
                          : last_day_range(*series)) +
            "</td>";
    if (baseline != nullptr) {
      const SeriesData* base = find_series(baseline->output, series->name);
      const std::optional<double> base_value = base ? condensed_value(*base) : std::nullopt;
      html += "<td class=\"num\">" +
              escaped(value && base_value ? format_difference(*value - *base_value, series->unit) : "") + "</td>";
    }
    html += "</tr>";
  }
  return html + "</tbody></table></section>";
}

std::string about_section(const ReportRun& run, const ReportRun* baseline) {
  std::string html = "<section id=\"about\"><h2>About the run" + std::string(baseline ? "s" : "") +
                     "</h2><table><caption>What was simulated</caption><thead><tr><th scope=\"col\">item</th><th "
                     "scope=\"col\">this run</th>" +
                     (baseline ? "<th scope=\"col\">baseline</th>" : "") + "</tr></thead><tbody>";
  for (const std::string key :
       {"scenario_name", "city_name", "city_source", "start_date", "days_run", "seed", "sampling", "districts",
        "citizen_agents", "network_nodes", "munisim_version", "git_describe"}) {
    const auto shown = key == "citizen_agents" || key == "network_nodes" ? meta_count : meta_text;
    html += "<tr><th scope=\"row\">" + escaped(key) + "</th><td>" + escaped(shown(run.output, key)) + "</td>" +
            (baseline ? "<td>" + escaped(shown(baseline->output, key)) + "</td>" : "") + "</tr>";
  }
  html += "</tbody></table><details><summary>Scenario as given</summary><pre>" + escaped(run.output.scenario_text) +
          "</pre></details>";
  if (baseline != nullptr) {
    html += "<details><summary>Baseline scenario as given</summary><pre>" + escaped(baseline->output.scenario_text) +
            "</pre></details>";
  }
  return html + "</section>";
}

std::string contents(const std::vector<HeadlineSection>& sections) {
  std::string html = "<nav aria-label=\"contents\"><h2>Contents</h2><ul>";
  for (const HeadlineSection& section : sections)
    html += "<li><a href=\"#" + std::string(topic_anchor(section.topic)) + "\">" + escaped(topic_title(section.topic)) +
            "</a></li>";
  for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{{"maps", "Districts"},
                                                                                  {"equity", "Equity"},
                                                                                  {"over-time", "Over time"},
                                                                                  {"other", "Other series"},
                                                                                  {"about", "About the run"}})
    html += "<li><a href=\"#" + id + "\">" + title + "</a></li>";
  return html + "</ul></nav>";
}

}  // namespace

void check_comparable(const ReportRun& run, const ReportRun& baseline) {
  if (same_city(run.output, baseline.output)) return;
  const std::string city = meta_text(run.output, "city_name"), base_city = meta_text(baseline.output, "city_name");
  const std::string what = city != base_city ? base_city + ", not of " + city
                                             : city_description(baseline.output) + ", not of " + city_description(run.output);
  throw InputError({baseline.path.string(), 0, 0}, "",
                   "is a run of " + what + " (" + run.path.string() + "): a baseline must be a run of the same city");
}

std::string html_report(const ReportRun& run, const ReportRun* baseline) {
  const std::vector<HeadlineSection> sections = headline_sections(run.output);
  std::optional<std::vector<HeadlineSection>> base_sections;
  if (baseline != nullptr) base_sections = headline_sections(baseline->output);
  const std::string city = meta_text(run.output, "city_name"), name = meta_text(run.output, "scenario_name");
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>munisim report: " +
      escaped(city.empty() ? name : city + ": " + name) +
      (baseline ? " compared with " + escaped(meta_text(baseline->output, "scenario_name")) : "") + "</title><style>" +
      kStyle + "</style></head><body>";
  html += header(run, baseline) + "<main>" + contents(sections) +
          headline_tables(sections, base_sections ? &*base_sections : nullptr) + map_section(run, baseline, sections) +
          equity_section(run, baseline) +
          charts_section(run, baseline, sections, base_sections ? &*base_sections : nullptr) +
          other_section(run, baseline, sections) + about_section(run, baseline);
  return html + "</main><footer><p>Written by munisim report from " + escaped(run.path.filename().string()) +
         (baseline ? " and " + escaped(baseline->path.filename().string()) : "") + ".</p></footer></body></html>\n";
}

}  // namespace munisim
