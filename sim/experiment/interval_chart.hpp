// A chart of estimates with their intervals as inline SVG: one row per label, a dot at the
// estimate and a bar over the interval, with a reference line (the baseline, or zero).
#pragma once

#include <string>
#include <vector>

namespace munisim {

struct IntervalRow {
  std::string label;
  double estimate = 0;
  double low = 0;  // NaN: no interval (fewer than two replications)
  double high = 0;
};

[[nodiscard]] std::string svg_interval_chart(const std::string& title, const std::string& unit,
                                             const std::vector<IntervalRow>& rows, double reference);

}  // namespace munisim
