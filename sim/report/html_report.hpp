// A self-contained HTML report of an output file: scenario summary, KPI table and one chart per
// KPI series, built from whatever series the file holds (no fixed list), so every service that
// registers series appears in it.
#pragma once

#include <string>

#include "sim/io/output.hpp"

namespace munisim {

[[nodiscard]] std::string html_report(const OutputFile& file);

}  // namespace munisim
