// What the report puts first: the KPIs a city team or ministry reads, grouped by service, climate,
// money and equity, each condensed to one number from the series of an output. The series the
// report knows are listed in headlines.cpp; every other series goes to "other series".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

enum class Topic { waste, transport, citizen_services, climate, money, other };
enum class Better { either, higher, lower };  // which way a change is an improvement

[[nodiscard]] const char* topic_title(Topic topic);   // "Waste collection", ...
[[nodiscard]] const char* topic_anchor(Topic topic);  // "waste", the section's id in the report

struct Headline {
  std::string id;     // the series' name, or the derived KPI's name
  std::string label;  // "Waste collected"
  std::string unit;
  std::string meaning;              // the series' description and how it is condensed
  std::vector<std::string> series;  // the series it is computed from
  Better better = Better::either;
  double value = 0;
  std::vector<double> daily;  // the city's daily values (empty for a derived ratio)
};

struct HeadlineSection {
  Topic topic;
  std::vector<Headline> rows;
};

// Units of intensive quantities: means and shares that are not summed over districts or groups.
[[nodiscard]] bool is_intensive_unit(const std::string& unit);

// The series condensed as the KPI summary does (over days, summed over cells); for an intensive
// series only when it has one cell (a city-wide value), nothing otherwise. A series summarised as
// `none` with one cell is read on its last day.
[[nodiscard]] std::optional<double> condensed_value(const SeriesData& series);

// Daily values summed over every dimension but the day.
[[nodiscard]] std::vector<double> daily_totals(const SeriesData& series);

// The headline KPIs the output holds, in the report's order, sections without rows left out.
[[nodiscard]] std::vector<HeadlineSection> headline_sections(const OutputFile& file);

// The series no headline of `sections` (the file's headline_sections) uses, in the file's order.
[[nodiscard]] std::vector<const SeriesData*> other_series(const OutputFile& file,
                                                         const std::vector<HeadlineSection>& sections);

[[nodiscard]] const SeriesData* find_series(const OutputFile& file, const std::string& name);

}  // namespace munisim
