// A run output whose results are tables instead of daily series (layout: docs/output-format.md,
// "Experiment files"): what an experiment keeps of each run of a world, whose every series would
// take a hundred megabytes a run for the whole country. /meta is a run's (so resuming an
// experiment recognises the run's scenario), /series is empty, /tables/<table>/<column> holds the
// results.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/file_image.hpp"
#include "sim/io/output.hpp"

namespace munisim {

[[nodiscard]] FileImage tables_output_image(const RunMeta& meta, const std::string& scenario_text,
                                            const std::string& resolved_yaml, const std::vector<Table>& tables);

// Every table under /tables, in name order; InputError when the file is missing or not an output.
[[nodiscard]] std::vector<Table> read_result_tables(const std::filesystem::path& path);

}  // namespace munisim
