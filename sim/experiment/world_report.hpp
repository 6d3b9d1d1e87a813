// The sections of an experiment's report that only an experiment of a world has, written for a
// ministry analyst (docs/experiments.md, "Experiments of a world"): what each variant funds and
// how the runs were drawn, the soles paid by mechanism, the cost-effectiveness, choropleth maps of
// Peru of the differences to the baseline by municipality, and tables by department and by
// Programa de Incentivos type with their 95 % intervals.
#pragma once

#include <string>

#include "sim/experiment/plan.hpp"
#include "sim/experiment/results.hpp"

namespace munisim {

// HTML body sections; maps need the district polygons of the world's data folder and say so when
// they are absent.
[[nodiscard]] std::string world_report_sections(const ExperimentPlan& plan, const ExperimentResults& results);

}  // namespace munisim
