// A series split by a group of people (gender, income group) or by district, for the report's
// equity tables and maps: sums for counts, tonnes and soles; for means and shares, the values
// the series holds per group, never summed across groups.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

struct GroupSplit {
  std::string dim;                          // "gender", "income_group", "district"
  std::vector<std::string> columns;         // the dim's labels
  std::string row_dim;                      // a second dimension of an intensive series, or empty
  std::vector<std::string> rows;            // its labels, or one empty label
  std::vector<std::vector<double>> values;  // [row][column]
  std::string how;                          // "total over the run", "on the last day", ...
};

// Nothing when the series has no such dimension, or is intensive (a share, a mean) with more
// than one other dimension. An extensive series is summed over its other dimensions and condensed
// as its summary says (a series summarised as none is not split); an intensive one is read on its
// last day, or averaged over the days when its summary is a mean.
[[nodiscard]] std::optional<GroupSplit> split_by(const SeriesData& series, const std::string& dim);

}  // namespace munisim
