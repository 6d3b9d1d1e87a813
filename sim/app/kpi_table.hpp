// Prints the KPI summary as an aligned plain-text table.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sim/model/kpi.hpp"

namespace munisim::app {

void print_kpi_table(std::FILE* stream, const std::vector<Kpi>& rows);

// Large values as rounded integers with thousands separators (1,223,977), small ones with 4 digits.
[[nodiscard]] std::string with_thousands(double value);

}  // namespace munisim::app
