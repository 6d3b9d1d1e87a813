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

const char* summary_name(Summary summary) {
  switch (summary) {
    case Summary::none:
      return "none";
    case Summary::total:
      return "total";
    case Summary::mean:
      return "mean";
    case Summary::last:
      return "last";
  }
  return "none";
}

const char* summary_description(Summary summary) {
  switch (summary) {
    case Summary::total:
      return "total over the run";
    case Summary::mean:
      return "mean per day";
    case Summary::last:
      return "on the last day";
    case Summary::none:
      break;
  }
  return "";
}

std::optional<Summary> summary_from_name(std::string_view name) {
  for (Summary summary : {Summary::none, Summary::total, Summary::mean, Summary::last}) {
    if (name == summary_name(summary)) return summary;
  }
  return std::nullopt;
}

double summarise(Summary summary, std::span<const double> values, std::size_t cells, int days) {
  if (days <= 0 || summary == Summary::none) return 0;
  auto day_sum = [&](int day) {
    double sum = 0;
    for (double value : values.subspan(static_cast<std::size_t>(day) * cells, cells)) sum += value;
    return sum;
  };
  if (summary == Summary::last) return day_sum(days - 1);
  double total = 0;
  for (int day = 0; day < days; ++day) total += day_sum(day);
  return summary == Summary::total ? total : total / days;
}

Series::Series(SeriesSpec spec, int days)
    : spec_(std::move(spec)),
      days_(days),
      cells_(cell_count(spec_.dims)),
      values_(static_cast<std::size_t>(days) * cells_, 0.0) {}

std::span<double> Series::day(int day_index) {
  return std::span<double>(values_).subspan(static_cast<std::size_t>(day_index) * cells_, cells_);
}

std::span<const double> Series::day(int day_index) const {
  return std::span<const double>(values_).subspan(static_cast<std::size_t>(day_index) * cells_, cells_);
}

void Series::set_day(int day_index, std::span<const double> values, double scale) {
  if (values.size() != cells_) {
    throw Error(spec_.name + ": " + std::to_string(values.size()) + " values for " + std::to_string(cells_) + " cells");
  }
  const std::span<double> target = day(day_index);
  for (std::size_t i = 0; i < cells_; ++i) target[i] = values[i] * scale;
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

void MetricsRegistry::save_days(StateWriter& writer, int days_run) const {
  SaveArchive archive(writer);
  std::uint64_t count = series_.size();
  std::int32_t days = days_run;
  archive(count, days);
  for (const Series& series : series_) {
    std::string name = series.spec().name;
    std::uint64_t cells = series.cells();
    archive(name, cells);
    writer.raw(series.values().data(), cells * static_cast<std::size_t>(days_run) * sizeof(double));
  }
}

void MetricsRegistry::restore_days(StateReader& reader, int days_run) {
  LoadArchive archive(reader);
  std::uint64_t count = 0;
  std::int32_t days = 0;
  archive(count, days);
  if (count != series_.size()) {
    reader.fail(std::to_string(count) + " series saved, this run has " + std::to_string(series_.size()));
  }
  if (days != days_run) reader.fail(std::to_string(days) + " days saved, the checkpoint is at day " +
                                    std::to_string(days_run));
  for (Series& series : series_) {
    std::string name;
    std::uint64_t cells = 0;
    archive(name, cells);
    if (name != series.spec().name || cells != series.cells()) {
      reader.fail("series '" + name + "' of " + std::to_string(cells) + " cells saved where this run has '" +
                  series.spec().name + "' of " + std::to_string(series.cells()));
    }
    reader.need(cells * static_cast<std::uint64_t>(days_run), sizeof(double));
    for (int day = 0; day < days_run; ++day) reader.raw(series.day(day).data(), cells * sizeof(double));
  }
  reader.finish();
}

}  // namespace munisim
