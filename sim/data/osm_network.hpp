// Streets from OpenStreetMap (.osm.pbf or .osm XML, read with libosmium): the drive network, the
// walk network and building positions of a city, projected into the city's metric frame.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "sim/city/streets_config.hpp"
#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"

namespace munisim {

struct OsmNetwork {
  // Directed, with one-way streets; only the largest strongly connected part, so that every node
  // reaches every other. Chains of degree-2 nodes are merged into single edges.
  RoadNetwork drive;
  // Two-way, on every way people may walk (footways, steps, streets without motorways).
  RoadNetwork walk;
  std::vector<PointXY> buildings;              // centre of each building outline (mean of its corners)
  std::size_t highway_ways = 0;                // ways with a highway tag the import read
  std::size_t drive_nodes_before_pruning = 0;  // drive nodes before the largest part was kept
};

// Throws InputError naming the file for a missing, truncated or malformed extract.
[[nodiscard]] OsmNetwork read_osm_network(const std::filesystem::path& file, const LocalProjection& projection,
                                          const StreetsConfig& streets);

}  // namespace munisim
