// Prints the KPI summary as an aligned plain-text table.
#pragma once

#include <cstdio>
#include <vector>

#include "sim/model/kpi.hpp"

namespace munisim::app {

void print_kpi_table(std::FILE* stream, const std::vector<Kpi>& rows);

}  // namespace munisim::app
