// The KPI summary: every series that declares a summary, condensed over the days run. The CLI
// prints it after a run and from a file (`munisim info`); both go through here.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sim/core/metrics.hpp"
#include "sim/io/output.hpp"

namespace munisim {

struct Kpi {
  std::string name;
  std::string unit;
  std::string description;
  Summary summary = Summary::none;
  double value = 0;
};

[[nodiscard]] std::vector<Kpi> kpis(const MetricsRegistry& metrics, int days_run);
[[nodiscard]] std::vector<Kpi> kpis(const OutputFile& file);
[[nodiscard]] std::vector<Kpi> kpis(std::span<const SeriesData> series);

}  // namespace munisim
