#include "sim/model/kpi.hpp"

namespace munisim {

std::vector<Kpi> kpis(const MetricsRegistry& metrics, int days_run) {
  std::vector<Kpi> result;
  for (const Series& series : metrics.all()) {
    const SeriesSpec& spec = series.spec();
    if (spec.summary == Summary::none) continue;
    result.push_back({spec.name, spec.unit, spec.description, spec.summary, series.summarise(days_run)});
  }
  return result;
}

std::vector<Kpi> kpis(const OutputFile& file) { return kpis(file.series); }

std::vector<Kpi> kpis(std::span<const SeriesData> all) {
  std::vector<Kpi> result;
  for (const SeriesData& series : all) {
    const Summary summary = summary_from_name(series.summary).value_or(Summary::none);
    if (summary == Summary::none || series.shape.empty()) continue;
    const std::size_t cells = series.shape[0] == 0 ? 0 : series.values.size() / series.shape[0];
    const double value = summarise(summary, series.values, cells, static_cast<int>(series.shape[0]));
    result.push_back({series.name, series.unit, series.description, summary, value});
  }
  return result;
}

}  // namespace munisim
