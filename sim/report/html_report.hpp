// A self-contained HTML report of an output file: scenario summary, KPI table and one chart per
// KPI series, built from whatever series the file holds (no fixed list), so every service that
// registers series appears in it.
#pragma once

#include <filesystem>
#include <string>

#include "sim/io/output.hpp"

namespace munisim {

[[nodiscard]] std::string html_report(const OutputFile& file);

// Writes the report of the output file `output` to `html` (empty: `output` with .html), whole or
// not at all. Refused (InputError) before writing when `html` is `output` itself, the scenario the
// output was run from, or an existing file that is not an HTML report. Returns the path written.
std::filesystem::path write_html_report(const std::filesystem::path& output, const std::filesystem::path& html);

}  // namespace munisim
