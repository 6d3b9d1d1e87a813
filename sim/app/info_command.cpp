#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/app/kpi_table.hpp"
#include "sim/io/output.hpp"
#include "sim/model/kpi.hpp"

namespace munisim::app {
namespace {

std::string shape_text(const SeriesData& series) {
  std::string text;
  for (std::size_t i = 0; i < series.dims.size(); ++i) {
    if (i > 0) text += " x ";
    text += series.dims[i] + "[" + std::to_string(i < series.shape.size() ? series.shape[i] : 0) + "]";
  }
  return text;
}

}  // namespace

int info_command(const std::string& output) {
  const OutputFile file = read_output(output);
  std::printf("%s\n", output.c_str());
  for (const auto& [key, value] : file.text_meta) std::printf("  %-18s %s\n", key.c_str(), value.c_str());
  for (const auto& [key, value] : file.number_meta) std::printf("  %-18s %g\n", key.c_str(), value);
  std::printf("series (%zu):\n", file.series.size());
  for (const SeriesData& series : file.series) {
    std::printf("  %-32s %-10s %s\n", series.name.c_str(), series.unit.c_str(), shape_text(series).c_str());
  }
  std::printf("geometry tables: ");
  for (const std::string& table : file.geometry_tables) std::printf("%s ", table.c_str());
  std::printf("\n\n");
  print_kpi_table(stdout, kpis(file));
  return kExitOk;
}

}  // namespace munisim::app
