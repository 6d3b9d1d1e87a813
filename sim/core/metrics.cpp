#include "sim/core/metrics.hpp"

#include "sim/core/error.hpp"

namespace munisim {
namespace {

std::size_t cell_count(const std::vector<Dimension>& dims) {
  std::size_t cells = 1;
  for (const Dimension& dim : dims) cells *= dim.labels.size();
  return cells;
}

}  // namespace

Series::Series(SeriesSpec spec, int days)
    : spec_(std::move(spec)),
      days_(days),
      cells_(cell_count(spec_.dims)),
      values_(static_cast<std::size_t>(days) * cells_, 0.0) {}

std::span<double> Series::day(int day) {
  return std::span<double>(values_).subspan(static_cast<std::size_t>(day) * cells_, cells_);
}

std::span<const double> Series::day(int day) const {
  return std::span<const double>(values_).subspan(static_cast<std::size_t>(day) * cells_, cells_);
}

double Series::summarise(int days_run) const {
  if (days_run <= 0) return 0;
  auto sum_day = [this](int d) {
    double sum = 0;
    for (double value : day(d)) sum += value;
    return sum;
  };
  switch (spec_.summary) {
    case Summary::none:
      return 0;
    case Summary::last:
      return sum_day(days_run - 1);
    case Summary::total:
    case Summary::mean: {
      double total = 0;
      for (int d = 0; d < days_run; ++d) total += sum_day(d);
      return spec_.summary == Summary::total ? total : total / days_run;
    }
  }
  return 0;
}

MetricsRegistry::MetricsRegistry(int days) : days_(days) {}

SeriesId MetricsRegistry::add(SeriesSpec spec) {
  if (spec.unit.empty()) throw Error("series '" + spec.name + "' has no unit");
  if (find(spec.name) != nullptr) throw Error("series '" + spec.name + "' is registered twice");
  series_.emplace_back(std::move(spec), days_);
  return series_.size() - 1;
}

const Series* MetricsRegistry::find(const std::string& name) const {
  for (const Series& series : series_) {
    if (series.spec().name == name) return &series;
  }
  return nullptr;
}

}  // namespace munisim
