// The work folder of an experiment, next to its output ("out.h5" -> "out.h5.work/"): one HDF5
// file per finished run, each written atomically, so that an interrupted experiment keeps every
// run it finished and resumes with the others.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "sim/experiment/plan.hpp"

namespace munisim {

[[nodiscard]] std::filesystem::path work_folder(const std::filesystem::path& output);
[[nodiscard]] std::filesystem::path run_file(const std::filesystem::path& work, const PlannedRun& run);

// Whether the work folder holds a complete file of `run` made from the same scenario (same
// overrides, seed and days), so that a spec edited between two attempts never mixes old runs in.
[[nodiscard]] bool run_finished(const ExperimentPlan& plan, const std::filesystem::path& work, const PlannedRun& run);

// How many files of runs the folder holds, finished or not (0 when it does not exist).
[[nodiscard]] std::size_t stored_runs(const std::filesystem::path& work);

// The runs still to do, in plan order.
[[nodiscard]] std::vector<std::size_t> pending_runs(const ExperimentPlan& plan, const std::filesystem::path& work);

// Writes a run's output image (output_image) atomically into the folder, creating the folder.
void store_run(const std::filesystem::path& work, const PlannedRun& run, std::span<const unsigned char> image);

}  // namespace munisim
