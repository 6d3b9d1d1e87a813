// A small line chart as inline SVG: one series of daily values with its title and unit.
#pragma once

#include <string>
#include <vector>

namespace munisim {

[[nodiscard]] std::string svg_line_chart(const std::string& title, const std::string& unit,
                                         const std::vector<double>& values, const std::string& first_date,
                                         const std::string& last_date);

[[nodiscard]] std::string html_escape(const std::string& text);

}  // namespace munisim
