// A self-contained HTML report of an output file, written as a brief for a city team or ministry:
// headline KPIs by service, climate and money with readable numbers and units, maps of the
// districts from the output's own /geometry, splits by gender and income group, what each KPI
// means, and every other series the file holds. With a baseline run, differences and their signs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

// An output as the report reads it: its series and metadata, and the geometry its maps need.
struct ReportRun {
  std::filesystem::path path;
  OutputFile output;
  std::vector<Table> geometry;
};

// InputError when the file is missing or not a munisim output.
[[nodiscard]] ReportRun load_report_run(const std::filesystem::path& path);

// InputError (naming the baseline) when the two runs are not of the same city (same_city).
void check_comparable(const ReportRun& run, const ReportRun& baseline);

// The report of `run`; with `baseline`, each KPI also compared against that run (run minus baseline).
[[nodiscard]] std::string html_report(const ReportRun& run, const ReportRun* baseline = nullptr);

// Writes the report of the output file `output` to `html` (empty: `output` with .html), whole or
// not at all; with `baseline` (not empty) compared against that output. Refused (InputError)
// before writing when `html` is one of the outputs read, the scenario the output was run from, or
// an existing file that is not an HTML report, and when the baseline is of another city. Returns
// the path written.
std::filesystem::path write_html_report(const std::filesystem::path& output, const std::filesystem::path& html,
                                        const std::filesystem::path& baseline = {});

}  // namespace munisim
