// Which district every street node belongs to, on real streets: by the districts' boundary
// polygons where a file gives them, else by the nearest district capital. The rules for districts
// a file lacks or that hold no street are stated here and recorded in /meta.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/data/boundaries.hpp"

namespace munisim {

struct DistrictAssignment {
  std::vector<std::uint32_t> node_district;  // or kNoDistrict outside every boundary
  std::vector<Area> areas;                   // per district; empty where the file has no polygon
  std::vector<std::string> notes;
};

// `boundaries` empty: every node goes to the district whose capital is nearest.
// Otherwise each district takes the nodes inside its polygon (joined by ubigeo). A district with
// no polygon (created after the file's edition, e.g. Alto Trujillo 130112 in 2023) shares the
// polygon holding its capital: that polygon's nodes go to whichever of the districts sharing it
// has the nearest capital. A district left without nodes (its polygon beyond the street extract)
// takes the node nearest its capital. `boundaries_file` names the file in messages.
[[nodiscard]] DistrictAssignment assign_districts(const RoadNetwork& network, const std::vector<District>& districts,
                                                  const LocalProjection& projection,
                                                  const std::vector<Boundary>& boundaries,
                                                  const std::string& boundaries_file);

}  // namespace munisim
