// Maps of the districts as inline SVG, from the output's own /geometry: boundary polygons where
// the city has them, otherwise each street node as a square tile of its district's colour (the
// schematic layout of a synthetic city). Colours on a colour-blind-safe ramp (viridis), with a
// legend giving the unit and range.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

struct DistrictShapes {
  std::vector<std::string> names;
  std::vector<std::string> paths;               // SVG path data per district, in the map's frame
  std::vector<std::array<double, 2>> label_at;  // where each name goes, in the map's frame
  double width = 0, height = 0;                 // the map's frame
  std::string layout;                           // what the shapes are, said under the map
};

// Nothing when the tables hold no districts or nothing to draw them with.
[[nodiscard]] std::optional<DistrictShapes> district_shapes(const std::vector<Table>& geometry);

// A colour on the viridis ramp for `at` in [0, 1], as #rrggbb.
[[nodiscard]] std::string ramp_colour(double at);

// One map: each district filled by its value (one per district, in the shapes' order).
[[nodiscard]] std::string svg_district_map(const DistrictShapes& shapes, const std::vector<double>& values,
                                           const std::string& title, const std::string& unit, int map_index);

}  // namespace munisim
