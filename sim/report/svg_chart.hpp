// A small line chart as inline SVG: one series of daily values with its title and unit, and
// optionally a baseline run's values as a dashed line.
#pragma once

#include <string>
#include <vector>

namespace munisim {

[[nodiscard]] std::string svg_line_chart(const std::string& title, const std::string& unit,
                                         const std::vector<double>& values, const std::string& first_date,
                                         const std::string& last_date, const std::vector<double>& baseline = {});

[[nodiscard]] std::string html_escape(const std::string& text);

}  // namespace munisim
