#include "sim/report/group_splits.hpp"

#include <algorithm>

#include "sim/core/metrics.hpp"
#include "sim/report/headlines.hpp"

namespace munisim {
namespace {

// Strides of a row-major [day, dims...] array, one per dimension after the day.
std::vector<std::size_t> strides_of(const SeriesData& series) {
  std::vector<std::size_t> strides(series.shape.size() > 1 ? series.shape.size() - 1 : 0, 1);
  for (std::size_t i = strides.size(); i-- > 1;) strides[i - 1] = strides[i] * series.shape[i + 1];
  return strides;
}

}  // namespace

std::optional<GroupSplit> split_by(const SeriesData& series, const std::string& dim) {
  const auto at = std::find(series.dims.begin(), series.dims.end(), dim);
  if (at == series.dims.end() || at == series.dims.begin() || series.shape.empty() || series.shape[0] == 0)
    return std::nullopt;
  const std::size_t axis = static_cast<std::size_t>(at - series.dims.begin()) - 1;  // among the dims after day
  const std::size_t other_dims = series.dims.size() - 2;
  const bool intensive = is_intensive_unit(series.unit);
  const Summary summary = summary_from_name(series.summary).value_or(Summary::none);
  if (intensive ? other_dims > 1 : summary == Summary::none) return std::nullopt;

  const std::vector<std::size_t> strides = strides_of(series);
  const std::size_t cells = strides.empty() ? 1 : strides[0] * series.shape[1];
  const std::size_t columns = series.shape[axis + 1];
  GroupSplit split{.dim = dim, .columns = series.labels[axis], .row_dim = "", .rows = {""}, .values = {}, .how = ""};
  std::size_t row_axis = axis;
  if (intensive && other_dims == 1) {
    row_axis = axis == 0 ? 1 : 0;
    split.row_dim = series.dims[row_axis + 1];
    split.rows = series.labels[row_axis];
  }
  const int days = static_cast<int>(series.shape[0]);
  // Intensive series keep their per-cell values; extensive ones are summed into their column.
  const Summary condense = intensive ? (summary == Summary::mean ? Summary::mean : Summary::last) : summary;
  split.how = summary_description(condense);
  split.values.assign(split.rows.size(), std::vector<double>(columns, 0.0));
  for (std::size_t row = 0; row < split.rows.size(); ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      std::vector<double> daily(static_cast<std::size_t>(days), 0.0);
      for (std::size_t cell = 0; cell < cells; ++cell) {
        if ((cell / strides[axis]) % columns != column) continue;
        if (row_axis != axis && (cell / strides[row_axis]) % split.rows.size() != row) continue;
        for (int day = 0; day < days; ++day)
          daily[static_cast<std::size_t>(day)] += series.values[static_cast<std::size_t>(day) * cells + cell];
      }
      split.values[row][column] = summarise(condense, daily, 1, days);
    }
  }
  return split;
}

}  // namespace munisim
