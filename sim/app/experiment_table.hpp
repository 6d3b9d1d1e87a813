// Prints an experiment's summary as an aligned plain-text table: per KPI and variant the mean with
// its 95 % interval and the paired difference to the baseline with its interval.
#pragma once

#include <cstdio>

#include "sim/experiment/plan.hpp"
#include "sim/experiment/results.hpp"

namespace munisim::app {

void print_experiment_table(std::FILE* stream, const ExperimentPlan& plan, const ExperimentResults& results);

}  // namespace munisim::app
