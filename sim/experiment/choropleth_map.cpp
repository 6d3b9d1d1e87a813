#include "sim/experiment/choropleth_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "sim/data/boundaries.hpp"
#include "sim/report/quantity_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

constexpr double kMinStepPixels = 0.5;
constexpr double kLegendHeight = 46;
const std::string kMissingFill = "#d0d0d0";

struct Frame {
  double lon0 = 0, lat1 = 0, x_scale = 0, y_scale = 0;
};

Frame frame_of(const std::vector<Boundary>& boundaries, double width, double& height) {
  double lon0 = 180, lon1 = -180, lat0 = 90, lat1 = -90;
  for (const Boundary& boundary : boundaries) {
    for (const auto& polygon : boundary.polygons) {
      for (const LonLat& point : polygon.front()) {
        lon0 = std::min(lon0, point.lon);
        lon1 = std::max(lon1, point.lon);
        lat0 = std::min(lat0, point.lat);
        lat1 = std::max(lat1, point.lat);
      }
    }
  }
  const double shrink = std::cos((lat0 + lat1) / 2 * std::numbers::pi / 180);
  const double scale = width / std::max(1e-9, (lon1 - lon0) * shrink);
  height = (lat1 - lat0) * scale;
  return {lon0, lat1, scale * shrink, scale};
}

std::string path_of(const Boundary& boundary, const Frame& frame) {
  std::string path;
  for (const auto& polygon : boundary.polygons) {
    for (const auto& ring : polygon) {
      double last_x = -1e9, last_y = -1e9;
      int kept = 0;
      std::string ring_path;
      for (const LonLat& point : ring) {
        const double x = (point.lon - frame.lon0) * frame.x_scale;
        const double y = (frame.lat1 - point.lat) * frame.y_scale;
        if (std::hypot(x - last_x, y - last_y) < kMinStepPixels) continue;
        ring_path += fmt::format("{}{:.1f} {:.1f}", kept == 0 ? "M" : "L", x, y);
        last_x = x;
        last_y = y;
        ++kept;
      }
      if (kept >= 3) path += ring_path + "Z";
    }
  }
  return path;
}

std::vector<MapShape> shapes(const std::vector<Boundary>& boundaries, const Frame& frame) {
  std::vector<MapShape> result;
  for (const Boundary& boundary : boundaries) {
    std::string path = path_of(boundary, frame);
    // A district smaller than a pixel still gets a dot, so that every municipality has its path.
    if (path.empty() && !boundary.polygons.empty()) {
      const LonLat& point = boundary.polygons.front().front().front();
      const double x = (point.lon - frame.lon0) * frame.x_scale, y = (frame.lat1 - point.lat) * frame.y_scale;
      path = fmt::format("M{:.1f} {:.1f}h0.6v0.6h-0.6Z", x, y);
    }
    result.push_back({boundary.code, boundary.name, std::move(path)});
  }
  return result;
}

std::string exact_number(double value) { return fmt::format("{:.6g}", value); }

}  // namespace

ProjectedMap load_peru_map(const std::filesystem::path& data_dir, double width) {
  const std::filesystem::path folder = data_dir / "peru-boundaries";
  const std::vector<Boundary> districts = read_boundaries(folder / "peru_distrital_simple.geojson");
  const std::vector<Boundary> departments =
      read_boundaries(folder / "peru_departamental_simple.geojson", {.code = "FIRST_IDDP", .name = "NOMBDEP"});
  ProjectedMap map;
  map.width = width;
  const Frame frame = frame_of(districts, width, map.height);
  map.districts = shapes(districts, frame);
  map.departments = shapes(departments, frame);
  return map;
}

std::string diverging_colour(double value, double extent) {
  // PRGn ends and a light grey middle (ColorBrewer): purple below 0, green above.
  constexpr std::array<double, 3> kLow{118, 42, 131}, kMiddle{247, 247, 247}, kHigh{27, 120, 55};
  const double t = extent > 0 ? std::clamp(value / extent, -1.0, 1.0) : 0.0;
  const std::array<double, 3>& end = t < 0 ? kLow : kHigh;
  std::array<int, 3> rgb{};
  for (std::size_t c = 0; c < 3; ++c) rgb[c] = static_cast<int>(std::lround(kMiddle[c] + (end[c] - kMiddle[c]) * std::abs(t)));
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

std::string svg_choropleth(const ProjectedMap& map, const std::string& title, const std::string& unit,
                           const std::map<std::string, double>& values) {
  double extent = 0;
  for (const auto& [code, value] : values) {
    if (std::isfinite(value)) extent = std::max(extent, std::abs(value));
  }
  const double top = 24;
  std::string svg = fmt::format(
      "<svg class=\"map\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\"><text x=\"0\" y=\"16\" "
      "class=\"title\">{}</text><g class=\"districts\" transform=\"translate(0 {})\">",
      map.width, map.height + top + kLegendHeight, html_escape(title), html_escape(title), top);
  for (const MapShape& district : map.districts) {
    const auto found = values.find(district.code);
    const bool known = found != values.end() && std::isfinite(found->second);
    const std::string fill = known ? diverging_colour(found->second, extent) : kMissingFill;
    svg += fmt::format("<path d=\"{}\" fill=\"{}\" data-ubigeo=\"{}\"{}><title>{} ({}): {}</title></path>", district.path,
                       fill, district.code, known ? " data-value=\"" + exact_number(found->second) + "\"" : "",
                       html_escape(district.name), district.code,
                       known ? exact_number(found->second) + " " + html_escape(unit) : "not in this world");
  }
  svg += "</g><g class=\"departments\" transform=\"translate(0 " + exact_number(top) + ")\">";
  for (const MapShape& department : map.departments) {
    svg += fmt::format("<path d=\"{}\" data-department=\"{}\"><title>{}</title></path>", department.path,
                       department.code, html_escape(department.name));
  }
  svg += "</g>";
  // The legend: the scale from -extent to +extent with the unit, and grey for no value.
  const double y = top + map.height + 12, bar = std::min(260.0, map.width - 120);
  svg += "<defs><linearGradient id=\"diverging\">";
  for (int stop = 0; stop <= 4; ++stop) {
    svg += fmt::format("<stop offset=\"{}%\" stop-color=\"{}\"/>", stop * 25,
                       diverging_colour((stop - 2) / 2.0 * extent, extent));
  }
  svg += "</linearGradient></defs>";
  svg += fmt::format("<rect x=\"0\" y=\"{0:.0f}\" width=\"{1:.0f}\" height=\"10\" fill=\"url(#diverging)\"/>", y, bar);
  for (const auto& [position, value] : {std::pair{0.0, -extent}, {0.5, 0.0}, {1.0, extent}}) {
    svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" class=\"tick\" text-anchor=\"{}\">{}</text>", position * bar,
                       y + 24, position == 0 ? "start" : position == 1 ? "end" : "middle",
                       value == 0 ? std::string("0") : format_difference(value, unit));
  }
  svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" class=\"tick\">{}</text>", bar + 12, y + 9, html_escape(unit));
  svg += fmt::format("<rect x=\"{0:.0f}\" y=\"{1:.0f}\" width=\"10\" height=\"10\" fill=\"{2}\"/><text x=\"{3:.0f}\" "
                     "y=\"{4:.0f}\" class=\"tick\">no value</text>",
                     bar + 12, y + 15, kMissingFill, bar + 26, y + 24);
  return svg + "</svg>";
}

}  // namespace munisim
