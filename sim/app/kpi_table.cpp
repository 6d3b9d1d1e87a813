#include "sim/app/kpi_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "sim/core/thousands.hpp"

namespace munisim::app {

std::string with_thousands(double value) {
  if (std::abs(value) < 1000) return fmt::format("{:.4g}", value);
  return (value < 0 ? "-" : "") + with_thousands_separators(fmt::format("{}", std::llabs(std::llround(value))));
}

void print_kpi_table(std::FILE* stream, const std::vector<Kpi>& rows) {
  std::size_t name_width = 3;
  std::size_t value_width = 5;
  std::size_t unit_width = 4;
  for (const Kpi& row : rows) {
    name_width = std::max(name_width, row.name.size());
    value_width = std::max(value_width, with_thousands(row.value).size());
    unit_width = std::max(unit_width, row.unit.size());
  }
  fmt::print(stream, "{:<{}}  {:>{}}  {:<{}}  {}\n", "KPI", name_width, "value", value_width, "unit", unit_width, "as");
  for (const Kpi& row : rows) {
    fmt::print(stream, "{:<{}}  {:>{}}  {:<{}}  {}\n", row.name, name_width, with_thousands(row.value), value_width,
               row.unit, unit_width, summary_description(row.summary));
  }
}

}  // namespace munisim::app
