// The city's geometry and size as output tables and metadata, for plots, maps and the viewer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/io/output.hpp"

namespace munisim {

[[nodiscard]] std::vector<Table> city_geometry(const City& city);
[[nodiscard]] std::vector<std::pair<std::string, double>> city_statistics(const City& city);

}  // namespace munisim
