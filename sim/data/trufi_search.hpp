// Points of interest and street crossings from a Trufi app search index, the JSON that Trufi's tooling makes from
// OpenStreetMap. For a city without a street extract (Arequipa) it is the only OSM-derived layer: its places stand
// in for activity locations and the points where named streets cross sketch the street grid.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/geo.hpp"

namespace munisim {

struct PointOfInterest {
  std::string name{};
  std::string type{};  // the OSM "key:value" it was found by, as "amenity:school"; empty when the index gives none
  LonLat position{};
};

// One street and the points where other streets cross it, in the file's order, which is not the order along it
// (see order_along_street in sim/data/polyline_network.hpp). The index keeps one record per street name, so in a
// large city a "street" may be several streets of that name in different districts.
struct StreetJunctions {
  std::string name{};
  std::vector<LonLat> junctions{};
};

struct TrufiSearchIndex {
  std::vector<PointOfInterest> pois{};     // in the file's order
  std::vector<StreetJunctions> streets{};  // every street in the file's order; no junctions when it has no record
};

// Reads the index (layout version 3.1: records are arrays whose columns "_fields" names). Throws InputError naming
// the file and, for a parse error, its line and column, or else the record at fault ("pois[17]",
// "streetJunctions.s678[2]"): a missing section, a record of the wrong shape, a junction naming no street, or
// coordinates that are not a [longitude, latitude] pair of numbers within range.
[[nodiscard]] TrufiSearchIndex read_trufi_search(const std::filesystem::path& file);

}  // namespace munisim
