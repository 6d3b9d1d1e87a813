// One municipality of Peru built from the national tables with its services and run for a few
// days at a coarse sampling: whether it has every service, what it generated and collected, and
// how far its tonnes miss the mass balance. Shared by the sweep test and benchmarks/provisioning_sweep.
#pragma once

#include <algorithm>
#include <exception>
#include <numeric>
#include <string>

#include "sim/data/national_tables.hpp"
#include "sim/model/simulation.hpp"
#include "sim/provisioning/budget_tables.hpp"

namespace munisim::testing {

struct ProvisionedRun {
  std::string ubigeo;
  std::string problem{};  // empty when the city built, ran and had every service
  std::string disposal_kind{};
  int trucks = 0;
  int days_per_week = 0;
  std::size_t transit_lines = 0;
  double population = 0;
  double generated_t = 0;
  double collected_t = 0;
  double balance_error_t = 0;  // generated - (collected + recovered + dumped + street and home stock)
};

inline double series_total(const Simulation& simulation, const std::string& name, bool last_day_only) {
  const Series* series = simulation.metrics().find(name);
  double total = 0;
  for (int day = last_day_only ? simulation.days_run() - 1 : 0; day < simulation.days_run(); ++day) {
    const auto values = series->day(day);
    total += std::accumulate(values.begin(), values.end(), 0.0);
  }
  return total;
}

inline ProvisionedRun provisioned_run(const std::string& ubigeo, const NationalTables& tables,
                                      const BudgetTables& budgets, int sampling, int days) {
  ProvisionedRun run{.ubigeo = ubigeo};
  try {
    Scenario scenario = load_scenario_text("name: sweep\nseed: 1\ndays: " + std::to_string(days) + "\ncity: {name: " +
                                               ubigeo + ", ubigeo: \"" + ubigeo +
                                               "\", sampling: " + std::to_string(sampling) + "}\n",
                                           "sweep.yaml", ".");
    Simulation simulation(resolve_district_data(std::move(scenario), tables, budgets), 1);
    simulation.run();
    const City& city = simulation.city();
    const ScenarioConfig& config = simulation.scenario().config;
    for (const District& district : city.districts) run.population += static_cast<double>(district.population);
    for (const Facility& facility : city.facilities) {
      if (facility.kind == "open_dump" || facility.kind == "sanitary_landfill") run.disposal_kind = facility.kind;
    }
    run.trucks = config.waste.fleet.trucks;
    run.days_per_week = config.waste.collection.days_per_week;
    run.transit_lines = city.transit.lines.size();
    run.generated_t = series_total(simulation, "waste_generated_t", false);
    run.collected_t = series_total(simulation, "waste_collected_t", false);
    const double recovered = series_total(simulation, "waste_recovered_by_recyclers_t", false) +
                             series_total(simulation, "waste_recovered_formal_t", false) +
                             series_total(simulation, "waste_composted_t", false);
    const double stocks = series_total(simulation, "waste_household_stock_t", true) +
                          series_total(simulation, "waste_street_stock_t", true);
    run.balance_error_t = run.generated_t - (run.collected_t + recovered +
                                             series_total(simulation, "waste_illegally_dumped_t", false) + stocks);
    const bool has_depot = std::any_of(city.facilities.begin(), city.facilities.end(),
                                       [](const Facility& facility) { return facility.kind == "depot"; });
    const bool has_budget = config.governance.departments.waste.budget_soles_per_yr > 0 &&
                            config.governance.finance.transfers_soles_per_month.at(0) > 0;
    if (!has_depot) run.problem = "no depot";
    if (run.disposal_kind.empty()) run.problem = "no disposal site";
    if (run.trucks < 1) run.problem = "no trucks";
    if (!has_budget) run.problem = "no budget";
  } catch (const std::exception& error) {
    run.problem = error.what();
  }
  return run;
}

}  // namespace munisim::testing
