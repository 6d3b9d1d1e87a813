#include "sim/report/svg_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/report/quantity_format.hpp"

namespace munisim {
namespace {

constexpr double kWidth = 640, kHeight = 220;
constexpr double kLeft = 96, kRight = 16, kTop = 28, kBottom = 34;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string svg_line_chart(const std::string& title, const std::string& unit, const std::vector<double>& values,
                           const std::string& first_date, const std::string& last_date,
                           const std::vector<double>& baseline) {
  std::vector<double> all = values;
  all.insert(all.end(), baseline.begin(), baseline.end());
  const auto [low_it, high_it] = std::minmax_element(all.begin(), all.end());
  double low = all.empty() ? 0 : std::min(0.0, *low_it);
  double high = all.empty() ? 1 : *high_it;
  if (high <= low) high = low + 1;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](std::size_t day) {
    return kLeft + (values.size() > 1 ? plot_w * static_cast<double>(day) / static_cast<double>(values.size() - 1) : 0);
  };
  auto y = [&](double value) { return kTop + plot_h * (1 - (value - low) / (high - low)); };

  auto points_of = [&](const std::vector<double>& daily) {
    std::string points;
    for (std::size_t day = 0; day < daily.size(); ++day) points += number(x(day)) + "," + number(y(daily[day])) + " ";
    return points;
  };
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + number(kWidth) + " " + number(kHeight) +
                    "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
  svg += "<text x=\"" + number(kLeft) + "\" y=\"18\" class=\"title\">" + html_escape(title) + "</text>";
  svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + number(kTop + plot_h) + "\" x2=\"" + number(kLeft + plot_w) +
         "\" y2=\"" + number(kTop + plot_h) + "\" class=\"axis\"/>";
  svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + number(kTop) + "\" x2=\"" + number(kLeft) + "\" y2=\"" +
         number(kTop + plot_h) + "\" class=\"axis\"/>";
  svg += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(kTop + 4) + "\" class=\"tick\" text-anchor=\"end\">" +
         html_escape(format_quantity(high, unit)) + "</text>";
  svg += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(kTop + plot_h) +
         "\" class=\"tick\" text-anchor=\"end\">" + html_escape(format_quantity(low, unit)) + "</text>";
  svg += "<text x=\"" + number(kLeft) + "\" y=\"" + number(kHeight - 10) + "\" class=\"tick\">" +
         html_escape(first_date) + "</text>";
  svg += "<text x=\"" + number(kLeft + plot_w) + "\" y=\"" + number(kHeight - 10) +
         "\" class=\"tick\" text-anchor=\"end\">" + html_escape(last_date) + "</text>";
  if (!baseline.empty()) svg += "<polyline points=\"" + points_of(baseline) + "\" class=\"line baseline\"/>";
  svg += "<polyline points=\"" + points_of(values) + "\" class=\"line\"/></svg>";
  return svg;
}

}  // namespace munisim
