#include "sim/app/timings_table.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace munisim::app {

void print_timings_table(std::FILE* stream, const std::vector<SystemTiming>& rows, int threads) {
  SystemTiming total{"total"};
  std::size_t width = total.name.size();
  for (const SystemTiming& row : rows) {
    total.wall_s += row.wall_s;
    total.cpu_s += row.cpu_s;
    width = std::max(width, row.name.size());
  }
  fmt::print(stream, "time by system ({} threads; CPU/wall: cores kept busy)\n", threads);
  fmt::print(stream, "{:<{}}  {:>5}  {:>8}  {:>6}  {:>8}  {:>8}\n", "system", width, "days", "wall s", "share",
             "CPU s", "CPU/wall");
  auto print_row = [&](const SystemTiming& row, bool with_runs) {
    const double share = total.wall_s > 0 ? 100.0 * row.wall_s / total.wall_s : 0.0;
    const double busy = row.wall_s > 0 ? row.cpu_s / row.wall_s : 0.0;
    fmt::print(stream, "{:<{}}  {:>5}  {:>8.3f}  {:>5.1f}%  {:>8.3f}  {:>8.2f}\n", row.name, width,
               with_runs ? fmt::format("{}", row.runs) : std::string(), row.wall_s, share, row.cpu_s, busy);
  };
  for (const SystemTiming& row : rows) print_row(row, true);
  print_row(total, false);
}

}  // namespace munisim::app
