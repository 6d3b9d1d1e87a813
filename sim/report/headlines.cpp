#include "sim/report/headlines.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <string_view>

#include "sim/core/metrics.hpp"

namespace munisim {
namespace {

struct KnownSeries {
  std::string_view name;
  std::string_view label;
  Topic topic;
  Better better;
};

// The report's reading of the series munisim writes: which service a KPI belongs to, its short
// name, and which way is an improvement (Better::either where that is a policy choice, e.g. costs).
constexpr std::array kKnown{
    KnownSeries{"waste_generated_t", "Waste generated", Topic::waste, Better::either},
    KnownSeries{"waste_collected_t", "Waste collected", Topic::waste, Better::higher},
    KnownSeries{"waste_collection_coverage_share", "Collection coverage", Topic::waste, Better::higher},
    KnownSeries{"waste_street_stock_t", "Waste left on the street", Topic::waste, Better::lower},
    KnownSeries{"waste_illegally_dumped_t", "Waste dumped illegally", Topic::waste, Better::lower},
    KnownSeries{"waste_missed_zone_visits", "Collections missed", Topic::waste, Better::lower},
    KnownSeries{"waste_separating_households_city_share", "Households separating recyclables", Topic::waste,
                Better::higher},
    KnownSeries{"waste_recovered_by_recyclers_t", "Recovered by recyclers", Topic::waste, Better::higher},
    KnownSeries{"waste_recovered_formal_t", "Recovered by selective collection", Topic::waste, Better::higher},
    KnownSeries{"waste_composted_t", "Composted", Topic::waste, Better::higher},
    KnownSeries{"waste_disposed_t", "Taken to disposal sites", Topic::waste, Better::lower},
    KnownSeries{"waste_truck_km", "Collection truck distance", Topic::waste, Better::either},
    KnownSeries{"mobility_trips", "Trips made", Topic::transport, Better::either},
    KnownSeries{"mobility_trips_per_person", "Trips per resident", Topic::transport, Better::either},
    KnownSeries{"transit_boardings", "Bus and combi boardings", Topic::transport, Better::higher},
    KnownSeries{"transit_denied_boardings", "Riders left at the stop", Topic::transport, Better::lower},
    KnownSeries{"transit_crowded_share", "Boardings onto crowded vehicles", Topic::transport, Better::lower},
    KnownSeries{"transit_vehicle_km", "Bus and combi distance", Topic::transport, Better::either},
    KnownSeries{"mobility_car_taxi_vehicle_km", "Car and taxi distance", Topic::transport, Better::lower},
    KnownSeries{"complaints_filed", "Complaints filed", Topic::citizen_services, Better::either},
    KnownSeries{"complaints_answered", "Complaints answered", Topic::citizen_services, Better::higher},
    KnownSeries{"complaints_escalated", "Complaints escalated unanswered", Topic::citizen_services, Better::lower},
    KnownSeries{"citizen_satisfaction_mean_share", "Satisfaction with services", Topic::citizen_services,
                Better::higher},
    KnownSeries{"citizen_trust_city_share", "Trust in the municipality", Topic::citizen_services, Better::higher},
    KnownSeries{"complaint_app_adoption_share", "Complaint app use", Topic::citizen_services, Better::higher},
    KnownSeries{"management_scorecard_efficiency_points", "Scorecard: efficiency", Topic::citizen_services,
                Better::higher},
    KnownSeries{"management_scorecard_citizen_orientation_points", "Scorecard: citizen orientation",
                Topic::citizen_services, Better::higher},
    KnownSeries{"management_scorecard_climate_protection_points", "Scorecard: climate protection",
                Topic::citizen_services, Better::higher},
    KnownSeries{"management_scorecard_gender_sensitivity_points", "Scorecard: gender sensitivity",
                Topic::citizen_services, Better::higher},
    KnownSeries{"waste_emissions_tco2e", "Emissions of the waste service", Topic::climate, Better::lower},
    KnownSeries{"mobility_emissions_tco2e", "Emissions of travel", Topic::climate, Better::lower},
    KnownSeries{"waste_methane_decay_tco2e", "Methane released by disposal sites", Topic::climate, Better::lower},
    KnownSeries{"waste_avoided_emissions_tco2e", "Emissions avoided (kept apart)", Topic::climate, Better::higher},
    KnownSeries{"waste_cost_soles", "Cost of waste collection", Topic::money, Better::either},
    KnownSeries{"transit_operator_cost_soles", "Cost of operating buses and combis", Topic::money, Better::either},
    KnownSeries{"transit_fare_revenue_soles", "Fares paid", Topic::money, Better::either},
    KnownSeries{"municipal_revenue_soles", "Municipal revenue", Topic::money, Better::higher},
    KnownSeries{"municipal_spending_soles", "Municipal spending", Topic::money, Better::either},
    KnownSeries{"municipal_cash_soles", "Municipal cash", Topic::money, Better::higher},
    KnownSeries{"department_work_refused_soles", "Work the budget could not pay", Topic::money, Better::lower},
    KnownSeries{"recycler_income_soles", "Recyclers' earnings", Topic::money, Better::higher},
};

std::size_t cells_of(const SeriesData& series) {
  std::size_t cells = 1;
  for (std::size_t i = 1; i < series.shape.size(); ++i) cells *= series.shape[i];
  return cells;
}

int days_of(const SeriesData& series) { return series.shape.empty() ? 0 : static_cast<int>(series.shape[0]); }

Summary summary_of(const SeriesData& series) { return summary_from_name(series.summary).value_or(Summary::none); }

std::string how_condensed(const SeriesData& series) {
  const Summary summary = summary_of(series);
  return summary == Summary::none ? "on the last day" : summary_description(summary);
}

// A KPI computed from several series, shown only when the file holds all of them.
struct DerivedKpi {
  std::string_view id, label, unit, meaning;
  Topic topic;
  Better better;
  std::vector<std::string> series;
  std::function<double(const std::vector<double>&)> combine;  // of the series' condensed values
  bool daily;  // whether combine also applies day by day (sums do; a ratio of totals does not)
};

const std::vector<DerivedKpi>& derived_kpis() {
  static const std::vector<DerivedKpi> derived{
      {"complaints_mean_answer_days",
       "Time to answer a complaint",
       "days",
       "mean days from filing to answer over the complaints answered during the run "
       "(complaints_answer_wait_days divided by complaints_answered)",
       Topic::citizen_services,
       Better::lower,
       {"complaints_answer_wait_days", "complaints_answered"},
       [](const std::vector<double>& v) { return v[1] > 0 ? v[0] / v[1] : 0.0; },
       false},
      {"emissions_all_services_tco2e",
       "Emissions of waste and travel",
       "tCO2e",
       "waste service and travel emissions together, total over the run (avoided emissions not netted)",
       Topic::climate,
       Better::lower,
       {"waste_emissions_tco2e", "mobility_emissions_tco2e"},
       [](const std::vector<double>& v) { return v[0] + v[1]; },
       true},
  };
  return derived;
}

void add_derived(const OutputFile& file, std::vector<HeadlineSection>& sections) {
  for (const DerivedKpi& kpi : derived_kpis()) {
    std::vector<const SeriesData*> inputs;
    for (const std::string& name : kpi.series) inputs.push_back(find_series(file, name));
    if (std::find(inputs.begin(), inputs.end(), nullptr) != inputs.end()) continue;
    std::vector<double> condensed;
    for (const SeriesData* input : inputs) condensed.push_back(condensed_value(*input).value_or(0));
    Headline row{.id = std::string(kpi.id),
                 .label = std::string(kpi.label),
                 .unit = std::string(kpi.unit),
                 .meaning = std::string(kpi.meaning),
                 .series = kpi.series,
                 .better = kpi.better,
                 .value = kpi.combine(condensed),
                 .daily = {}};
    if (kpi.daily) {
      std::vector<std::vector<double>> totals;
      for (const SeriesData* input : inputs) totals.push_back(daily_totals(*input));
      for (std::size_t day = 0; day < totals.front().size(); ++day) {
        std::vector<double> today;
        for (const auto& series_totals : totals) today.push_back(series_totals[day]);
        row.daily.push_back(kpi.combine(today));
      }
    }
    auto section =
        std::find_if(sections.begin(), sections.end(), [&](const HeadlineSection& s) { return s.topic == kpi.topic; });
    if (section == sections.end()) section = sections.insert(sections.end(), {kpi.topic, {}});
    section->rows.push_back(std::move(row));
  }
}

}  // namespace

namespace {

struct TopicNames {
  Topic topic;
  const char* title;
  const char* anchor;
};

constexpr std::array kTopics{TopicNames{Topic::waste, "Waste collection", "waste"},
                             TopicNames{Topic::transport, "Transport", "transport"},
                             TopicNames{Topic::citizen_services, "Citizen services and governance", "citizen-services"},
                             TopicNames{Topic::climate, "Climate", "climate"},
                             TopicNames{Topic::money, "Money", "money"},
                             TopicNames{Topic::other, "Other series", "other"}};

const TopicNames& names_of(Topic topic) {
  return *std::find_if(kTopics.begin(), kTopics.end(), [&](const TopicNames& names) { return names.topic == topic; });
}

}  // namespace

const char* topic_title(Topic topic) { return names_of(topic).title; }

const char* topic_anchor(Topic topic) { return names_of(topic).anchor; }

bool is_intensive_unit(const std::string& unit) {
  static const std::set<std::string, std::less<>> intensive{"1", "min", "km/h", "trips/person", "points", "days"};
  return intensive.contains(unit);
}

std::optional<double> condensed_value(const SeriesData& series) {
  const std::size_t cells = cells_of(series);
  const int days = days_of(series);
  if (days == 0 || (is_intensive_unit(series.unit) && cells != 1)) return std::nullopt;
  Summary summary = summary_of(series);
  if (summary == Summary::none) {
    if (cells != 1) return std::nullopt;
    summary = Summary::last;
  }
  return summarise(summary, series.values, cells, days);
}

std::vector<double> daily_totals(const SeriesData& series) {
  const int days = days_of(series);
  const std::size_t cells = cells_of(series);
  std::vector<double> totals(static_cast<std::size_t>(days), 0.0);
  for (std::size_t day = 0; day < totals.size(); ++day) {
    for (std::size_t cell = 0; cell < cells; ++cell) totals[day] += series.values[day * cells + cell];
  }
  return totals;
}

const SeriesData* find_series(const OutputFile& file, const std::string& name) {
  const auto found =
      std::find_if(file.series.begin(), file.series.end(), [&](const SeriesData& s) { return s.name == name; });
  return found == file.series.end() ? nullptr : &*found;
}

std::vector<HeadlineSection> headline_sections(const OutputFile& file) {
  std::vector<HeadlineSection> sections;
  for (Topic topic : {Topic::waste, Topic::transport, Topic::citizen_services, Topic::climate, Topic::money}) {
    HeadlineSection section{topic, {}};
    for (const KnownSeries& entry : kKnown) {
      if (entry.topic != topic) continue;
      const SeriesData* series = find_series(file, std::string(entry.name));
      if (series == nullptr) continue;
      const std::optional<double> value = condensed_value(*series);
      if (!value) continue;
      section.rows.push_back({.id = series->name,
                              .label = std::string(entry.label),
                              .unit = series->unit,
                              .meaning = series->description + "; " + how_condensed(*series),
                              .series = {series->name},
                              .better = entry.better,
                              .value = *value,
                              .daily = daily_totals(*series)});
    }
    sections.push_back(std::move(section));
  }
  add_derived(file, sections);
  std::erase_if(sections, [](const HeadlineSection& section) { return section.rows.empty(); });
  return sections;
}

std::vector<const SeriesData*> other_series(const OutputFile& file, const std::vector<HeadlineSection>& sections) {
  std::set<std::string, std::less<>> used;
  for (const HeadlineSection& section : sections) {
    for (const Headline& row : section.rows) used.insert(row.series.begin(), row.series.end());
  }
  std::vector<const SeriesData*> others;
  for (const SeriesData& series : file.series) {
    if (!used.contains(series.name)) others.push_back(&series);
  }
  return others;
}

}  // namespace munisim
