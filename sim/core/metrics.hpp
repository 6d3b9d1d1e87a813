// The metrics registry: every observable quantity is a named daily series with unit and dimensions.
// The HDF5 writer, the CLI summary, Python and the viewer all read this one registry.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/state_archive.hpp"

namespace munisim {

struct Dimension {
  std::string name;                 // e.g. "district", "gender", "age_group"
  std::vector<std::string> labels;  // one per index along this dimension
};

// How the KPI summary condenses a series over the run's days (before summing over cells).
enum class Summary { none, total, mean, last };

[[nodiscard]] const char* summary_name(Summary summary);  // "none", "total", "mean", "last"
[[nodiscard]] std::optional<Summary> summary_from_name(std::string_view name);
[[nodiscard]] const char* summary_description(Summary summary);  // "total over the run", ... for tables

// Condenses day-major values ([days][cells]) over the first `days` days, summed over cells.
[[nodiscard]] double summarise(Summary summary, std::span<const double> values, std::size_t cells, int days);

struct SeriesSpec {
  std::string name;  // snake_case with a unit suffix where it has one: collected_t, wait_min
  std::string unit;  // "t", "persons", "soles", "1" for shares in [0,1], ...
  std::string description;
  std::vector<Dimension> dims;  // empty: one value per day
  Summary summary = Summary::none;
};

// Values are stored day-major: value(day, cell) with cell the row-major index over dims.
class Series {
 public:
  Series(SeriesSpec spec, int days);

  [[nodiscard]] const SeriesSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] std::size_t cells() const noexcept { return cells_; }
  [[nodiscard]] int days() const noexcept { return days_; }

  [[nodiscard]] std::span<double> day(int day_index);
  [[nodiscard]] std::span<const double> day(int day_index) const;
  [[nodiscard]] std::span<const double> values() const noexcept { return values_; }
  void set(int day_index, std::size_t cell, double value) { day(day_index)[cell] = value; }
  // The whole day at once, each value times `scale`; Error unless there is one value per cell.
  void set_day(int day_index, std::span<const double> values, double scale = 1.0);
  [[nodiscard]] double get(int day_index, std::size_t cell) const { return day(day_index)[cell]; }

  // Summary over days `[0, days_run)` summed over all cells, as the KPI table shows it.
  [[nodiscard]] double summarise(int days_run) const {
    return munisim::summarise(spec_.summary, values_, cells_, days_run);
  }

 private:
  SeriesSpec spec_;
  int days_;
  std::size_t cells_;
  std::vector<double> values_;
};

using SeriesId = std::size_t;

class MetricsRegistry {
 public:
  explicit MetricsRegistry(int days);

  // Throws Error on a duplicate name or an empty unit.
  SeriesId add(SeriesSpec spec);

  [[nodiscard]] Series& series(SeriesId id) { return series_.at(id); }
  [[nodiscard]] const Series& series(SeriesId id) const { return series_.at(id); }
  [[nodiscard]] const Series* find(const std::string& name) const;
  [[nodiscard]] const std::vector<Series>& all() const noexcept { return series_; }
  [[nodiscard]] int days() const noexcept { return days_; }

  // Checkpoints: every series' name, cells and values of days [0, days_run).
  void save_days(StateWriter& writer, int days_run) const;
  // CheckpointError when the series saved are not these (names, cells, order) or days_run differs.
  void restore_days(StateReader& reader, int days_run);

 private:
  int days_;
  std::vector<Series> series_;
};

}  // namespace munisim
