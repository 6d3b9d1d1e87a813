#include "sim/experiment/world_values.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

constexpr const char* kRulesTable = "kpi_rules";
constexpr const char* kMunicipalitiesTable = "municipality_kpis";
constexpr const char* kMunicipalityColumns[] = {"municipality", "name", "department", "incentive_type", "population"};

const Table& table_named(const std::vector<Table>& tables, const std::string& name) {
  const auto found = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == name; });
  if (found == tables.end()) throw InputError("a world run's output has no table '" + name + "'");
  return *found;
}

template <class Column>
const Column& column_named(const std::vector<Column>& columns, const std::string& table, const std::string& name) {
  const auto found = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == name; });
  if (found == columns.end()) throw InputError("table '" + table + "' of a world run has no column '" + name + "'");
  return *found;
}

KpiRule parse_rule(const std::string& text) {
  if (text == "sum") return KpiRule::sum;
  if (text == "mean") return KpiRule::mean;
  if (text == "ratio") return KpiRule::ratio;
  throw InputError("unknown KPI rule '" + text + "' in a world run's output; expected sum, mean or ratio");
}

std::size_t kpi_index(const WorldRunValues& values, const std::string& name) {
  for (std::size_t k = 0; k < values.kpis.size(); ++k) {
    if (values.kpis[k].name == name) return k;
  }
  throw InputError("a ratio KPI of a world run names '" + name + "', which the run does not have");
}

}  // namespace

const char* rule_name(KpiRule rule) {
  switch (rule) {
    case KpiRule::sum:
      return "sum";
    case KpiRule::mean:
      return "mean";
    case KpiRule::ratio:
      return "ratio";
  }
  return "sum";
}

Table municipality_table(std::string name, const std::vector<MunicipalityInfo>& municipalities) {
  Table table{.name = std::move(name)};
  table.texts = {{kMunicipalityColumns[0], {}}, {kMunicipalityColumns[1], {}}, {kMunicipalityColumns[2], {}},
                 {kMunicipalityColumns[3], {}}};
  table.numbers = {{kMunicipalityColumns[4], "persons", {}}};
  for (const MunicipalityInfo& info : municipalities) {
    table.texts[0].values.push_back(info.label);
    table.texts[1].values.push_back(info.name);
    table.texts[2].values.push_back(info.department);
    table.texts[3].values.push_back(info.incentive_type);
    table.numbers[0].values.push_back(info.population);
  }
  return table;
}

std::vector<Table> world_run_tables(const WorldRunValues& values) {
  Table rules{.name = kRulesTable};
  rules.texts = {{"kpi", {}}, {"unit", {}}, {"rule", {}}, {"numerator", {}}, {"denominator", {}}};
  rules.numbers = {{"scale", "1", {}}};
  for (const WorldKpi& kpi : values.kpis) {
    for (const auto& [column, text] : {std::pair{0, kpi.name}, {1, kpi.unit}, {2, std::string(rule_name(kpi.rule))},
                                       {3, kpi.numerator}, {4, kpi.denominator}}) {
      rules.texts[static_cast<std::size_t>(column)].values.push_back(text);
    }
    rules.numbers[0].values.push_back(kpi.scale);
  }
  Table municipalities = municipality_table(kMunicipalitiesTable, values.municipalities);
  for (std::size_t k = 0; k < values.kpis.size(); ++k) {
    Table::NumberColumn column{values.kpis[k].name, values.kpis[k].unit, {}};
    for (const std::vector<double>& row : values.values) column.values.push_back(row[k]);
    municipalities.numbers.push_back(std::move(column));
  }
  return {rules, municipalities};
}

WorldRunValues world_run_values(const std::vector<Table>& tables) {
  WorldRunValues values;
  const Table& rules = table_named(tables, kRulesTable);
  const auto& names = column_named(rules.texts, kRulesTable, "kpi").values;
  const auto& units = column_named(rules.texts, kRulesTable, "unit").values;
  const auto& kinds = column_named(rules.texts, kRulesTable, "rule").values;
  const auto& numerators = column_named(rules.texts, kRulesTable, "numerator").values;
  const auto& denominators = column_named(rules.texts, kRulesTable, "denominator").values;
  const auto& scales = column_named(rules.numbers, kRulesTable, "scale").values;
  for (std::size_t k = 0; k < names.size(); ++k) {
    values.kpis.push_back({names[k], units.at(k), parse_rule(kinds.at(k)), numerators.at(k), denominators.at(k),
                           scales.at(k)});
  }
  const Table& table = table_named(tables, kMunicipalitiesTable);
  const auto& labels = column_named(table.texts, kMunicipalitiesTable, kMunicipalityColumns[0]).values;
  const auto& municipality_names = column_named(table.texts, kMunicipalitiesTable, kMunicipalityColumns[1]).values;
  const auto& departments = column_named(table.texts, kMunicipalitiesTable, kMunicipalityColumns[2]).values;
  const auto& types = column_named(table.texts, kMunicipalitiesTable, kMunicipalityColumns[3]).values;
  const auto& population = column_named(table.numbers, kMunicipalitiesTable, kMunicipalityColumns[4]).values;
  std::vector<const std::vector<double>*> columns;
  for (const WorldKpi& kpi : values.kpis) {
    columns.push_back(&column_named(table.numbers, kMunicipalitiesTable, kpi.name).values);
    if (columns.back()->size() != labels.size()) {
      throw InputError("column '" + kpi.name + "' of a world run's table has " + std::to_string(columns.back()->size()) +
                       " values for " + std::to_string(labels.size()) + " municipalities");
    }
  }
  for (std::size_t m = 0; m < labels.size(); ++m) {
    values.municipalities.push_back(
        {labels[m], municipality_names.at(m), departments.at(m), types.at(m), population.at(m)});
    std::vector<double> row;
    for (const std::vector<double>* column : columns) row.push_back((*column)[m]);
    values.values.push_back(std::move(row));
  }
  return values;
}

double aggregate(const WorldRunValues& values, std::size_t kpi, std::span<const std::size_t> members) {
  const WorldKpi& rule = values.kpis[kpi];
  auto sum = [&](std::size_t k, std::size_t& counted) {
    double total = 0;
    counted = 0;
    for (const std::size_t m : members) {
      const double value = values.values[m][k];
      if (std::isnan(value)) continue;
      total += value;
      ++counted;
    }
    return total;
  };
  std::size_t counted = 0;
  if (rule.rule == KpiRule::ratio) {
    std::size_t unused = 0;
    const double numerator = sum(kpi_index(values, rule.numerator), counted);
    const double denominator = sum(kpi_index(values, rule.denominator), unused);
    if (counted == 0) return std::numeric_limits<double>::quiet_NaN();
    return denominator == 0 ? 0.0 : rule.scale * numerator / denominator;
  }
  const double total = sum(kpi, counted);
  if (counted == 0) return std::numeric_limits<double>::quiet_NaN();
  return rule.rule == KpiRule::mean ? total / static_cast<double>(counted) : total;
}

}  // namespace munisim
