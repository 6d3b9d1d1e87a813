// The street layers of a real city from whichever source the scenario names: an OpenStreetMap
// extract (cached), or, where a city has none, streets joined from a search index's crossings and
// the transit feed's drawn routes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/city/streets_config.hpp"
#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"
#include "sim/data/gtfs_feed.hpp"

namespace munisim {

struct StreetLayers {
  RoadNetwork drive;
  RoadNetwork walk;
  std::vector<PointXY> buildings;
  std::string source;  // what the streets were made from, for /meta
  std::vector<std::string> notes;
};

// `feed` may be null when the scenario names no transit feed.
[[nodiscard]] StreetLayers load_streets(const StreetsConfig& streets, const std::filesystem::path& data_dir,
                                        const LocalProjection& projection, const GtfsFeed* feed);

}  // namespace munisim
