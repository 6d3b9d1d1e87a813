// The results of an experiment of a world (docs/experiments.md, "Experiments of a world"): each
// run's national KPIs (every municipality's added up by the KPI's rule), summarised as a city
// experiment's, and the same summaries per department, Programa de Incentivos type and municipality.
#pragma once

#include <filesystem>
#include <vector>

#include "sim/experiment/results.hpp"

namespace munisim {

// Fills results.kpis, units, values (national, [run][kpi]) and world from the runs in `work`.
void collect_world_results(const ExperimentPlan& plan, const std::filesystem::path& work, ExperimentResults& results);

// /summary/departments, /summary/municipality_types, /summary/municipalities and
// /summary/municipality_profiles of the experiment file.
[[nodiscard]] std::vector<Table> world_summary_tables(const ExperimentPlan& plan, const ExperimentResults& results);

}  // namespace munisim
