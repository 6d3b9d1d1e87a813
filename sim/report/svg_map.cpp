#include "sim/report/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "sim/report/quantity_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace munisim {
namespace {

constexpr double kMapWidth = 560, kMargin = 8;

// viridis at ten even steps (matplotlib's table): readable with every common colour-vision deficiency
// and in grey.
constexpr std::array<std::array<int, 3>, 10> kViridis{{{68, 1, 84},
                                                       {72, 40, 120},
                                                       {62, 73, 137},
                                                       {49, 104, 142},
                                                       {38, 130, 142},
                                                       {31, 158, 137},
                                                       {53, 183, 121},
                                                       {110, 206, 88},
                                                       {181, 222, 43},
                                                       {253, 231, 37}}};

const Table* table_named(const std::vector<Table>& geometry, const std::string& name) {
  const auto found = std::find_if(geometry.begin(), geometry.end(), [&](const Table& t) { return t.name == name; });
  return found == geometry.end() ? nullptr : &*found;
}

// A column as doubles whether it was written as integers or numbers; empty when missing.
std::vector<double> column(const Table* table, const std::string& name) {
  if (table == nullptr) return {};
  for (const auto& numbers : table->numbers)
    if (numbers.name == name) return numbers.values;
  for (const auto& ints : table->ints)
    if (ints.name == name) return {ints.values.begin(), ints.values.end()};
  return {};
}

std::vector<std::string> text_column(const Table* table, const std::string& name) {
  if (table == nullptr) return {};
  for (const auto& texts : table->texts)
    if (texts.name == name) return texts.values;
  return {};
}

std::string coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

struct Frame {
  double min_x, max_y, scale;
  [[nodiscard]] double x(double metres) const { return kMargin + (metres - min_x) * scale; }
  [[nodiscard]] double y(double metres) const { return kMargin + (max_y - metres) * scale; }
};

Frame frame_around(const std::vector<double>& xs, const std::vector<double>& ys, double pad, DistrictShapes& shapes) {
  const auto [min_x, max_x] = std::minmax_element(xs.begin(), xs.end());
  const auto [min_y, max_y] = std::minmax_element(ys.begin(), ys.end());
  const double span_x = std::max(*max_x - *min_x + 2 * pad, 1.0), span_y = std::max(*max_y - *min_y + 2 * pad, 1.0);
  const Frame frame{*min_x - pad, *max_y + pad, (kMapWidth - 2 * kMargin) / span_x};
  shapes.width = kMapWidth;
  shapes.height = span_y * frame.scale + 2 * kMargin;
  return frame;
}

// Rings of /geometry/district_boundaries as one path per district.
std::optional<Frame> boundary_paths(const std::vector<Table>& geometry, DistrictShapes& shapes) {
  const Table* boundaries = table_named(geometry, "district_boundaries");
  const std::vector<double> district = column(boundaries, "district"), part = column(boundaries, "part"),
                            ring = column(boundaries, "ring"), xs = column(boundaries, "x"),
                            ys = column(boundaries, "y");
  if (xs.empty() || xs.size() != ys.size() || district.size() != xs.size()) return std::nullopt;
  const Frame frame = frame_around(xs, ys, 0, shapes);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto owner = static_cast<std::size_t>(district[i]);
    if (owner >= shapes.paths.size()) continue;
    const bool starts = i == 0 || district[i] != district[i - 1] || part[i] != part[i - 1] || ring[i] != ring[i - 1];
    const bool ends =
        i + 1 == xs.size() || district[i + 1] != district[i] || part[i + 1] != part[i] || ring[i + 1] != ring[i];
    shapes.paths[owner] += (starts ? "M" : "L") + coordinate(frame.x(xs[i])) + " " + coordinate(frame.y(ys[i]));
    if (ends) shapes.paths[owner] += "Z";
  }
  shapes.layout = "district boundaries";
  return frame;
}

// Each street node as a square tile of the street spacing (the median edge), coloured by its district:
// every district's in a frame of their own, or, beside boundaries (`within`), those without a polygon.
std::optional<Frame> tile_paths(const std::vector<Table>& geometry, DistrictShapes& shapes, bool synthetic,
                                std::optional<Frame> within = std::nullopt) {
  const Table* nodes = table_named(geometry, "network_nodes");
  const std::vector<double> xs = column(nodes, "x"), ys = column(nodes, "y"), district = column(nodes, "district");
  if (xs.empty() || xs.size() != ys.size() || district.size() != xs.size()) return std::nullopt;
  std::vector<double> lengths = column(table_named(geometry, "network_edges"), "length");
  double tile = 0;
  if (!lengths.empty()) {
    std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2), lengths.end());
    tile = lengths[lengths.size() / 2];
  }
  const Frame frame = within ? *within : frame_around(xs, ys, tile / 2, shapes);
  const double side = std::max(tile * frame.scale, 1.0);
  std::vector<bool> drawn;
  for (const std::string& path : shapes.paths) drawn.push_back(!path.empty());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (district[i] < 0 || static_cast<std::size_t>(district[i]) >= shapes.paths.size()) continue;
    if (drawn[static_cast<std::size_t>(district[i])]) continue;
    shapes.paths[static_cast<std::size_t>(district[i])] +=
        "M" + coordinate(frame.x(xs[i]) - side / 2) + " " + coordinate(frame.y(ys[i]) - side / 2) + "h" +
        coordinate(side) + "v" + coordinate(side) + "h-" + coordinate(side) + "Z";
  }
  if (within) {
    shapes.layout += "; a district without a polygon of its own is drawn as its street nodes";
    return frame;
  }
  shapes.layout = synthetic ? "schematic layout of a synthetic city: districts in their order and relative size, "
                              "not their real shape"
                            : "street nodes coloured by district (the output holds no district boundaries)";
  return frame;
}

}  // namespace

std::optional<DistrictShapes> district_shapes(const std::vector<Table>& geometry) {
  const Table* districts = table_named(geometry, "districts");
  DistrictShapes shapes;
  shapes.names = text_column(districts, "name");
  if (shapes.names.empty()) return std::nullopt;
  shapes.paths.assign(shapes.names.size(), "");
  const bool synthetic = column(table_named(geometry, "district_boundaries"), "x").empty();
  std::optional<Frame> frame = boundary_paths(geometry, shapes);
  if (frame && std::find(shapes.paths.begin(), shapes.paths.end(), "") != shapes.paths.end()) {
    tile_paths(geometry, shapes, synthetic, frame);
  } else if (!frame) {
    frame = tile_paths(geometry, shapes, synthetic);
  }
  if (!frame) return std::nullopt;
  const std::vector<double> cx = column(districts, "centroid_x"), cy = column(districts, "centroid_y");
  for (std::size_t d = 0; d < shapes.names.size(); ++d) {
    shapes.label_at.push_back(d < cx.size() && d < cy.size() ? std::array{frame->x(cx[d]), frame->y(cy[d])}
                                                             : std::array{-1.0, -1.0});
  }
  return shapes;
}

std::string ramp_colour(double at) {
  const double clamped = std::clamp(std::isfinite(at) ? at : 0.0, 0.0, 1.0) * (kViridis.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(clamped));
  const std::size_t high = std::min(low + 1, kViridis.size() - 1);
  const double t = clamped - static_cast<double>(low);
  char colour[8];
  std::snprintf(colour, sizeof colour, "#%02x%02x%02x",
                static_cast<int>(std::lround(kViridis[low][0] + t * (kViridis[high][0] - kViridis[low][0]))),
                static_cast<int>(std::lround(kViridis[low][1] + t * (kViridis[high][1] - kViridis[low][1]))),
                static_cast<int>(std::lround(kViridis[low][2] + t * (kViridis[high][2] - kViridis[low][2]))));
  return colour;
}

std::string svg_district_map(const DistrictShapes& shapes, const std::vector<double>& values, const std::string& title,
                             const std::string& unit, int map_index) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (double value : values) {
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (!(low <= high)) low = high = 0;
  auto at = [&](double value) { return high > low ? (value - low) / (high - low) : 0.5; };
  constexpr double kLegendHeight = 46;
  const std::string gradient = "ramp" + std::to_string(map_index);
  std::string svg = "<svg class=\"map\" viewBox=\"0 0 " + coordinate(shapes.width) + " " +
                    coordinate(shapes.height + kLegendHeight) + "\" role=\"img\" aria-label=\"" +
                    html_escape("Map: " + title + ", " + display_unit(unit) + ", from " + format_quantity(low, unit) +
                                " to " + format_quantity(high, unit)) +
                    "\"><defs><linearGradient id=\"" + gradient + "\">";
  for (std::size_t stop = 0; stop < kViridis.size(); ++stop) {
    const double offset = static_cast<double>(stop) / (kViridis.size() - 1);
    svg += "<stop offset=\"" + coordinate(100 * offset) + "%\" stop-color=\"" + ramp_colour(offset) + "\"/>";
  }
  svg += "</linearGradient></defs>";
  for (std::size_t d = 0; d < shapes.names.size(); ++d) {
    const double value = d < values.size() ? values[d] : std::numeric_limits<double>::quiet_NaN();
    svg += "<path class=\"district\" d=\"" + shapes.paths[d] + "\" fill=\"" +
           (std::isfinite(value) ? ramp_colour(at(value)) : std::string("#cccccc")) + "\"><title>" +
           html_escape(shapes.names[d] + ": " + format_quantity(value, unit)) + "</title></path>";
  }
  for (std::size_t d = 0; d < shapes.names.size(); ++d) {
    if (shapes.label_at[d][0] < 0) continue;
    svg += "<text class=\"district-name\" x=\"" + coordinate(shapes.label_at[d][0]) + "\" y=\"" +
           coordinate(shapes.label_at[d][1]) + "\" text-anchor=\"middle\">" + html_escape(shapes.names[d]) + "</text>";
  }
  const double legend_y = shapes.height + 8, legend_w = 240;
  svg += "<rect x=\"" + coordinate(kMargin) + "\" y=\"" + coordinate(legend_y) + "\" width=\"" + coordinate(legend_w) +
         "\" height=\"12\" fill=\"url(#" + gradient + ")\" stroke=\"#555\"/>";
  svg += "<text class=\"legend\" x=\"" + coordinate(kMargin) + "\" y=\"" + coordinate(legend_y + 28) + "\">" +
         html_escape(format_quantity(low, unit)) + "</text>";
  svg += "<text class=\"legend\" x=\"" + coordinate(kMargin + legend_w) + "\" y=\"" + coordinate(legend_y + 28) +
         "\" text-anchor=\"end\">" + html_escape(format_quantity(high, unit)) + "</text>";
  svg += "<text class=\"legend\" x=\"" + coordinate(kMargin + legend_w + 12) + "\" y=\"" + coordinate(legend_y + 11) +
         "\">" + html_escape(display_unit(unit) == "%" ? "share, %" : display_unit(unit)) + "</text></svg>";
  return svg;
}

}  // namespace munisim
