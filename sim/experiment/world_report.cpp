#include "sim/experiment/world_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "sim/experiment/choropleth_map.hpp"
#include "sim/experiment/interval_chart.hpp"
#include "sim/nation/nation_config.hpp"
#include "sim/report/quantity_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

// What each funding mechanism is, in a ministry's words (docs/nation.md has the rules).
const std::map<std::string, std::string> kMechanismMeanings{
    {"formula_transfers",
     "formula transfers (like FONCOMUN): a fund shared every month by an index of population, poverty and rurality, "
     "with a floor per municipality; paid whatever the municipality does"},
    {"performance_incentives",
     "performance incentives (like the Programa de Incentivos): paid only when a municipality's goals for its type "
     "(A–G) are verified as met, e.g. waste separation coverage or complaint response time; unearned money stays "
     "with the nation"},
    {"matching_grants",
     "matching grants: the nation pays its share of climate investments a municipality proposes (electric trucks, "
     "composting), first come first served until the year's budget is spent"},
    {"competitive_fund",
     "competitive fund (like FONIPREL): proposals scored with FONIPREL's weights at each call and funded in rank "
     "order until the call's budget is spent"},
    {"canon", "canon: mining and energy royalties passed on as given in the scenario"}};

std::string cell(const SampleSummary& s, const std::string& unit, bool difference) {
  const auto show = [&](double v) { return difference ? format_difference(v, unit) : format_quantity(v, unit); };
  if (std::isnan(s.mean)) return "–";
  std::string text = show(s.mean);
  if (!std::isnan(s.ci95_low)) {
    text += "<br><span class=\"note\">[" + show(s.ci95_low) + ", " + show(s.ci95_high) + "]</span>";
  }
  return text;
}

std::optional<std::size_t> kpi_position(const ExperimentResults& results, const std::string& name) {
  const auto found = std::find(results.kpis.begin(), results.kpis.end(), name);
  if (found == results.kpis.end()) return std::nullopt;
  return static_cast<std::size_t>(found - results.kpis.begin());
}

const KpiSummary& national(const ExperimentResults& results, std::size_t variant, std::size_t kpi) {
  return results.summary[variant * results.kpis.size() + kpi];
}

std::string variant_name(const ExperimentPlan& plan, std::size_t v) { return plan.spec.variants[v].name; }

std::string design_section(const ExperimentPlan& plan, const ExperimentResults& results) {
  const WorldConfig& world = plan.world_baseline.config;
  const std::size_t municipalities = results.world->municipalities.size();
  std::string html = "<h2 id=\"design\">What was compared</h2>";
  html += fmt::format(
      "<p>{} municipalities of the world <code>{}</code>, simulated for {} days from {} with one simulated citizen per "
      "{} inhabitants (municipalities built from the national tables; city scenarios keep their own sampling). Each "
      "variant ran {} times (replications) with seeds {}–{}; replication i has the same seed in every variant "
      "(common random numbers), so each difference to <b>{}</b> is taken run by run and its interval is narrower "
      "than the variants' own. Intervals are 95 % confidence intervals of the mean over replications (Student t); "
      "with {} replications they are {}.</p>",
      municipalities, html_escape(world.name), world.days, world.start_date.to_string(), world.sampling,
      plan.spec.replications, plan.first_seed, plan.first_seed + plan.spec.replications - 1,
      html_escape(variant_name(plan, plan.spec.baseline)), plan.spec.replications,
      plan.spec.replications < 5 ? "wide: read them as a first look, and add replications before deciding" : "usable");
  html += "<table><tr><th>variant</th><th>what it changes in the world (scenario keys)</th></tr>";
  for (const Variant& variant : plan.spec.variants) {
    std::string changes;
    for (const Override& entry : variant.overrides) changes += "<code>" + html_escape(entry.assignment) + "</code><br>";
    html += "<tr><td>" + html_escape(variant.name) + "</td><td style=\"text-align:left\">" +
            (changes.empty() ? "the world as it is" : changes) + "</td></tr>";
  }
  html += "</table><p>The mechanisms:</p><ul>";
  for (const char* kind : nation::kMechanismKindNames) html += "<li>" + html_escape(kMechanismMeanings.at(kind)) + "</li>";
  html += "</ul><p class=\"note\">A fair comparison gives every variant the same national budget; the spec's comments "
          "say how its budgets were set. What a mechanism does not pay out stays with the nation: the transfers "
          "below are what was actually paid.</p>";
  return html;
}

std::string transfers_section(const ExperimentPlan& plan, const ExperimentResults& results) {
  std::vector<std::pair<std::string, std::size_t>> columns;
  if (const auto total = kpi_position(results, "nation_transfers_soles")) columns.emplace_back("all mechanisms", *total);
  for (const char* kind : nation::kMechanismKindNames) {
    if (const auto k = kpi_position(results, std::string("nation_transfers_soles[") + kind + "]")) {
      columns.emplace_back(kind, *k);
    }
  }
  if (columns.empty()) return "";
  std::string html = "<h2 id=\"transfers\">Soles paid by mechanism</h2><p>Soles the nation paid all municipalities "
                     "over the run, mean over replications with its 95 % interval.</p><table><tr><th>variant</th>";
  for (const auto& [label, k] : columns) html += "<th>" + html_escape(label) + " (soles)</th>";
  html += "</tr>";
  for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
    html += "<tr><td>" + html_escape(variant_name(plan, v)) + "</td>";
    for (const auto& [label, k] : columns) html += "<td>" + cell(national(results, v, k).value, "soles", false) + "</td>";
    html += "</tr>";
  }
  return html + "</table>";
}

std::string effectiveness_section(const ExperimentPlan& plan, const ExperimentResults& results) {
  std::string charts;
  for (const char* name : {"nation_tco2e_avoided_per_million_soles", "nation_satisfaction_gained_per_million_soles"}) {
    const auto k = kpi_position(results, name);
    if (!k) continue;
    std::vector<IntervalRow> rows;
    for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
      const SampleSummary& s = national(results, v, *k).value;
      rows.push_back({variant_name(plan, v), s.mean, s.ci95_low, s.ci95_high});
    }
    charts += svg_interval_chart(name, results.units[*k], rows, 0);
  }
  if (charts.empty()) return "";
  return "<h2 id=\"effectiveness\">Cost-effectiveness</h2><p>Tonnes of CO2e avoided, and the gain in mean citizen "
         "satisfaction (a share: 0.01 is one percentage point), against each municipality's own level over its first "
         "baseline days, per million soles it received from the nation; nationally, the municipalities' tonnes (and "
         "gains) summed over the soles summed. It attributes every change to the money received: compare variants "
         "with the differences below, not with these figures alone.</p><div class=\"charts\">" +
         charts + "</div>";
}

// Mean per municipality of the paired difference variant - baseline, by ubigeo.
std::map<std::string, double> municipality_differences(const ExperimentResults& results, std::size_t variant,
                                                       std::size_t kpi) {
  std::map<std::string, double> values;
  const std::size_t kpis = results.kpis.size();
  for (std::size_t m = 0; m < results.world->each.size(); ++m) {
    values[results.world->municipalities[m].label] = results.world->each[m].differences[variant * kpis + kpi].mean;
  }
  return values;
}

std::string maps_section(const ExperimentPlan& plan, const ExperimentResults& results,
                         const std::optional<ProjectedMap>& map, const std::string& missing) {
  std::vector<std::string> mapped = plan.spec.maps;
  if (mapped.empty() && !results.kpis.empty()) mapped.push_back(results.kpis.front());
  if (plan.spec.variants.size() < 2) return "";
  std::string html = "<h2 id=\"maps\">Maps: differences to " + html_escape(variant_name(plan, plan.spec.baseline)) +
                     " by municipality</h2>";
  if (!map) return html + "<p class=\"note\">" + html_escape(missing) + "</p>";
  html += "<p>Each district is its municipality's mean paired difference to the baseline over the replications, in "
          "the KPI's unit: green above zero, purple below, grey where the district is not in this world (or its "
          "polygon is older than the district: the polygons are INEI's 2007 limits). Lines are the departments. "
          "Hover a district for its name and value.</p>";
  for (const std::string& name : mapped) {
    const auto k = kpi_position(results, name);
    if (!k) continue;
    html += "<h3>" + html_escape(name) + " <span class=\"note\">(" + html_escape(results.units[*k]) + ")</span></h3>"
            "<div class=\"charts\">";
    for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
      if (v == plan.spec.baseline) continue;
      html += svg_choropleth(*map, variant_name(plan, v) + " − " + variant_name(plan, plan.spec.baseline), results.units[*k],
                             municipality_differences(results, v, *k));
    }
    html += "</div>";
  }
  return html;
}

std::string group_tables(const ExperimentPlan& plan, const ExperimentResults& results, const std::string& id,
                         const std::string& heading, const std::string& explanation,
                         const std::vector<GroupSummary>& groups, const std::map<std::string, std::string>& names) {
  std::string html = "<h2 id=\"" + id + "\">" + heading + "</h2><p>" + explanation + "</p>";
  const std::size_t kpis = results.kpis.size();
  const std::string& baseline = variant_name(plan, plan.spec.baseline);
  for (std::size_t k = 0; k < kpis; ++k) {
    const std::string& unit = results.units[k];
    html += "<h3>" + html_escape(results.kpis[k]) + " <span class=\"note\">(" + html_escape(unit) +
            ")</span></h3><table><tr><th>" + html_escape(heading.substr(3)) + "</th><th>" + html_escape(baseline) +
            "</th>";
    for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
      if (v != plan.spec.baseline) html += "<th>" + html_escape(variant_name(plan, v)) + " − " + html_escape(baseline) + "</th>";
    }
    html += "</tr>";
    for (const GroupSummary& group : groups) {
      const auto name = names.find(group.group);
      html += "<tr><td>" + html_escape(name == names.end() ? group.group : group.group + " " + name->second) + "</td><td>" +
              cell(group.values[plan.spec.baseline * kpis + k], unit, false) + "</td>";
      for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
        if (v != plan.spec.baseline) html += "<td>" + cell(group.differences[v * kpis + k], unit, true) + "</td>";
      }
      html += "</tr>";
    }
    html += "</table>";
  }
  return html;
}

}  // namespace

std::string world_report_sections(const ExperimentPlan& plan, const ExperimentResults& results) {
  std::optional<ProjectedMap> map;
  std::string missing;
  const std::filesystem::path data_dir = world_data_dir(plan.world_baseline);
  if (data_dir.empty()) {
    missing = "No maps: the world names no data folder (data_dir, --data-dir or MUNISIM_DATA_DIR) holding "
              "peru-boundaries/peru_distrital_simple.geojson.";
  } else {
    try {
      map = load_peru_map(data_dir);
    } catch (const InputError& error) {
      missing = std::string("No maps: ") + error.what();
    }
  }
  std::map<std::string, std::string> department_names;
  if (map) {
    for (const MapShape& department : map->departments) department_names[department.code] = department.name;
  }
  std::string html = design_section(plan, results) + transfers_section(plan, results) +
                     effectiveness_section(plan, results) + maps_section(plan, results, map, missing);
  html += group_tables(plan, results, "departments", "By department",
                       "Each department's municipalities added up (quantities summed, shares and means averaged over "
                       "its municipalities, ratios as sums over sums): the baseline's mean and, for each other "
                       "variant, the paired difference, each with its 95 % interval.",
                       results.world->departments, department_names);
  html += group_tables(plan, results, "types", "By municipality type",
                       "The same by Programa de Incentivos type: A and B provincial municipalities (A the larger), C "
                       "Lima Metropolitana's districts, D other principal cities' districts, E–G other districts by "
                       "urban share (E the most urban); '-' a city without a district ubigeo.",
                       results.world->types, {});
  return html;
}

}  // namespace munisim
