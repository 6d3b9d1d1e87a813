// Administrative boundaries (districts, provinces) from GeoJSON, as INEI and MINAM publish them,
// so that agents, facilities and results can be assigned to the district they fall in.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/geo.hpp"
#include "sim/core/polygon.hpp"

namespace munisim {

struct Boundary {
  std::string code{};  // as written in the file: a numeric 10101 stays "10101", it is not padded to a ubigeo
  std::string name{};  // empty when the feature has no such property or it is neither string nor integer
  // Polygons, each its rings (the outer first, then holes), each its positions without the
  // closing repetition of the first.
  std::vector<std::vector<std::vector<LonLat>>> polygons{};
  std::size_t feature = 0;  // index in the file's features, for messages
};

// Property names of the code and the name; the defaults are those of INEI's district layer.
struct BoundaryFields {
  std::string code = "IDDIST";
  std::string name = "NOMBDIST";
};

// Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon features in file order. Features
// whose geometry is null or absent are skipped (the real district layer has some): a caller that
// needs every district must check the codes it expects. An InputError names the file and, for a
// feature, its index and code: for text that is not JSON (with line and column), a root that is not
// a FeatureCollection, a missing code, another geometry type, a ring of fewer than 4 positions or
// not closed, a position that is not two numbers within [-180, 180] x [-90, 90], and an outer ring
// that crosses itself.
[[nodiscard]] std::vector<Boundary> read_boundaries(const std::filesystem::path& file,
                                                    const BoundaryFields& fields = {});

// The boundary in local metres: one Area part per polygon.
[[nodiscard]] Area project(const Boundary& boundary, const LocalProjection& projection);

}  // namespace munisim
