// What an experiment keeps of one run of a world (docs/experiments.md, "Experiments of a world"):
// each municipality's KPIs and the rule by which each KPI adds up over municipalities, to the
// nation, a department or a municipality type. Stored in the run's file as two tables.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "sim/experiment/statistics.hpp"
#include "sim/io/output.hpp"

namespace munisim {

enum class KpiRule {
  sum,   // a quantity (tonnes, soles, complaints): the sum over municipalities
  mean,  // a share or a mean per day (satisfaction, minutes): the mean over the municipalities that have it
  ratio  // scale x (sum of numerator) / (sum of denominator); 0 where the denominator sums to 0
};

struct WorldKpi {
  std::string name;
  std::string unit;
  KpiRule rule = KpiRule::sum;
  std::string numerator = {};  // for a ratio: KPI names
  std::string denominator = {};
  double scale = 1;
};

struct MunicipalityInfo {
  std::string label;  // the world's municipality label: its ubigeo, or a city scenario's name
  std::string name;
  std::string department;      // the first two digits of a 6-digit ubigeo, else "-"
  std::string incentive_type;  // Programa de Incentivos type A-G, else "-"
  double population = 0;       // persons
};

struct WorldRunValues {
  std::vector<WorldKpi> kpis;
  std::vector<MunicipalityInfo> municipalities;
  std::vector<std::vector<double>> values;  // [municipality][kpi]; NaN where a municipality lacks the KPI
};

// The summary of each compared KPI over one group of municipalities (a department, a municipality
// type, one municipality), per variant: entries variant-major, then KPI, as the national summary.
struct GroupSummary {
  std::string group;  // a department's code, a type's letter, or a municipality's label
  std::vector<SampleSummary> values;       // [variant * kpis + kpi]
  std::vector<SampleSummary> differences;  // paired, variant - baseline
};

struct WorldSummaries {
  std::vector<MunicipalityInfo> municipalities;  // as every run has them
  std::vector<GroupSummary> departments;         // by code, ascending
  std::vector<GroupSummary> types;               // by letter, ascending
  std::vector<GroupSummary> each;                // one per municipality, in the world's order
};

// `name`: municipality, name, department, incentive_type, population (persons).
[[nodiscard]] Table municipality_table(std::string name, const std::vector<MunicipalityInfo>& municipalities);

[[nodiscard]] std::vector<Table> world_run_tables(const WorldRunValues& values);
// InputError when the tables are not those world_run_tables wrote.
[[nodiscard]] WorldRunValues world_run_values(const std::vector<Table>& tables);

// KPI `kpi` over the municipalities `members` by its rule; NaN when none of them has it.
[[nodiscard]] double aggregate(const WorldRunValues& values, std::size_t kpi, std::span<const std::size_t> members);

[[nodiscard]] const char* rule_name(KpiRule rule);

}  // namespace munisim
