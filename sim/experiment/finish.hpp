// The end of an experiment once every run is in its work folder: the results, the experiment file,
// the comparison report, and the work folder removed. What `munisim experiment` and Python share.
#pragma once

#include <filesystem>

#include "sim/experiment/plan.hpp"
#include "sim/experiment/results.hpp"

namespace munisim {

// Writes `out` (and `html` unless it is empty), then removes `work`; returns the results.
ExperimentResults finish_experiment(const ExperimentPlan& plan, const std::filesystem::path& work,
                                    const std::filesystem::path& out, const std::filesystem::path& html);

}  // namespace munisim
