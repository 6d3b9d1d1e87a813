#include "sim/experiment/interval_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

constexpr double kWidth = 640, kRowHeight = 26, kTop = 30, kBottom = 30, kLeft = 190, kRight = 20;

}  // namespace

std::string svg_interval_chart(const std::string& title, const std::string& unit, const std::vector<IntervalRow>& rows,
                               double reference) {
  double low = reference, high = reference;
  for (const IntervalRow& row : rows) {
    for (double value : {row.estimate, row.low, row.high}) {
      if (std::isnan(value)) continue;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  const double pad = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(high) * 0.05);
  low -= pad;
  high += pad;
  const double plot_w = kWidth - kLeft - kRight;
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + kBottom;
  auto x = [&](double value) { return kLeft + plot_w * (value - low) / (high - low); };
  std::string svg = fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {:g}\" role=\"img\" aria-label=\"{}\">", kWidth,
                                height, html_escape(title));
  svg += fmt::format("<text x=\"{}\" y=\"18\" class=\"title\">{}</text>", kLeft, html_escape(title));
  const double bottom = kTop + kRowHeight * static_cast<double>(rows.size());
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:g}\" class=\"reference\"/>", x(reference), kTop,
                     bottom);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IntervalRow& row = rows[i];
    const double y = kTop + kRowHeight * (static_cast<double>(i) + 0.5);
    svg += fmt::format("<text x=\"{}\" y=\"{:g}\" class=\"tick\" text-anchor=\"end\">{}</text>", kLeft - 8, y + 4,
                       html_escape(row.label));
    if (!std::isnan(row.low)) {
      svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:g}\" x2=\"{:.1f}\" y2=\"{:g}\" class=\"interval\"/>", x(row.low), y,
                         x(row.high), y);
    }
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:g}\" r=\"4\" class=\"estimate\"/>", x(row.estimate), y);
  }
  svg += fmt::format("<text x=\"{}\" y=\"{:g}\" class=\"tick\">{:.4g}</text>", kLeft, bottom + 18, low);
  svg += fmt::format("<text x=\"{}\" y=\"{:g}\" class=\"tick\" text-anchor=\"end\">{:.4g}</text>", kWidth - kRight,
                     bottom + 18, high);
  svg += fmt::format("<text x=\"{:g}\" y=\"{:g}\" class=\"tick\" text-anchor=\"middle\">{}</text>", kLeft + plot_w / 2,
                     bottom + 18, html_escape("in " + unit));
  return svg + "</svg>";
}

}  // namespace munisim
