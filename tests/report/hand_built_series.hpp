// Series built by hand for the report's tests: known values, any dimensions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

// A series of `days` days over the given dims, values as listed (row-major [day, dims...]).
inline SeriesData series(std::string name, std::string unit, std::string summary,
                         std::vector<std::pair<std::string, std::vector<std::string>>> dims,
                         std::vector<double> values) {
  std::string description = "what " + name + " counts";
  SeriesData data{.name = std::move(name),
                  .unit = std::move(unit),
                  .description = std::move(description),
                  .summary = std::move(summary),
                  .dims = {"day"},
                  .labels = {},
                  .shape = {},
                  .values = std::move(values)};
  std::size_t cells = 1;
  for (auto& [dim, labels] : dims) {
    data.dims.push_back(dim);
    cells *= labels.size();
    data.labels.push_back(labels);
  }
  data.shape.push_back(data.values.size() / cells);
  for (const auto& labels : data.labels) data.shape.push_back(labels.size());
  return data;
}

}  // namespace munisim
