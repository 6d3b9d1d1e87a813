// The HTML comparison report of an experiment: one self-contained page (inline CSS and SVG, no
// scripts, nothing fetched) with, per KPI, each variant's mean and 95 % interval, and the paired
// difference to the baseline with its interval, as a chart and a table.
#pragma once

#include <filesystem>
#include <string>

#include "sim/experiment/plan.hpp"
#include "sim/experiment/results.hpp"

namespace munisim {

[[nodiscard]] std::string comparison_report_html(const ExperimentPlan& plan, const ExperimentResults& results);

// Written atomically: complete or absent.
void write_comparison_report(const std::filesystem::path& path, const ExperimentPlan& plan,
                             const ExperimentResults& results);

}  // namespace munisim
