// Choropleth maps of Peru as inline SVG for the report of a world experiment: one path per district
// of the national polygons (peru-boundaries/peru_distrital_simple.geojson in the data folder),
// coloured by a value per ubigeo, with the departments' outlines and a legend with the unit.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace munisim {

struct MapShape {
  std::string code;  // the district's ubigeo, or the department's two digits
  std::string name;
  std::string path;  // SVG path data in the map's pixels
};

struct ProjectedMap {
  std::vector<MapShape> districts;
  std::vector<MapShape> departments;
  double width = 0, height = 0;  // pixels
};

// The district and department polygons of `data_dir`/peru-boundaries, projected (equirectangular,
// longitudes shrunk by the cosine of the middle latitude) to `width` pixels and simplified (points
// closer than half a pixel to the last kept one are dropped). InputError when a file is missing or
// malformed.
[[nodiscard]] ProjectedMap load_peru_map(const std::filesystem::path& data_dir, double width = 520);

// The map's districts coloured by `values` (by ubigeo) on a diverging scale centred on 0 (a
// difference to the baseline): green above 0, purple below, the darkest at the largest magnitude;
// districts without a value grey. Each path carries data-ubigeo and data-value and a title with
// the district's name and value.
[[nodiscard]] std::string svg_choropleth(const ProjectedMap& map, const std::string& title, const std::string& unit,
                                         const std::map<std::string, double>& values);

// The fill of `value` on a diverging scale whose ends are -extent and +extent ("#rrggbb").
[[nodiscard]] std::string diverging_colour(double value, double extent);

}  // namespace munisim
