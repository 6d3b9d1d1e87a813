#include "sim/model/street_sources.hpp"

#include <cstdio>

#include "sim/core/error.hpp"
#include "sim/data/network_cache.hpp"
#include "sim/data/polyline_network.hpp"
#include "sim/data/trufi_search.hpp"

namespace munisim {
namespace {

std::string kilometres(const RoadNetwork& network) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f km", network.total_length_m() / 1000.0);
  return text;
}

StreetLayers from_extract(const StreetsConfig& streets, const std::filesystem::path& data_dir,
                          const LocalProjection& projection) {
  CachedOsmNetwork cached = load_osm_network(data_dir / streets.osm, projection, streets, default_cache_dir());
  StreetLayers layers;
  layers.drive = std::move(cached.network.drive);
  layers.walk = std::move(cached.network.walk);
  layers.buildings = std::move(cached.network.buildings);
  layers.source = "OpenStreetMap " + streets.osm;
  const std::string how = cached.from_cache           ? "read from the cache " + cached.cache_file.string()
                          : cached.cache_file.empty() ? "imported, not cached"
                                                      : "imported and cached as " + cached.cache_file.string();
  layers.notes.push_back("streets: " + streets.osm + " (" + how + "): drive network " +
                         std::to_string(layers.drive.node_count()) + " nodes (largest strongly connected part of " +
                         std::to_string(cached.network.drive_nodes_before_pruning) + "), " +
                         std::to_string(layers.drive.edge_count()) + " directed edges, " + kilometres(layers.drive) +
                         "; walk network " + std::to_string(layers.walk.node_count()) + " nodes; " +
                         std::to_string(layers.buildings.size()) + " buildings");
  return layers;
}

// The search index keeps one record per street name, so a record may be several streets of that
// name across the city; a chain is cut where neighbouring crossings are more than 1 km apart (in
// Arequipa 90 % of gaps are under 350 m, and the cut removes about 3,200 km of false links).
constexpr double kSameNameGapM = 1000;

std::vector<std::vector<LonLat>> split_at_gaps(const std::vector<LonLat>& ordered) {
  std::vector<std::vector<LonLat>> pieces(1);
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    if (i > 0 && haversine_m(ordered[i - 1], ordered[i]) > kSameNameGapM) pieces.emplace_back();
    pieces.back().push_back(ordered[i]);
  }
  return pieces;
}

// Where no extract exists, streets are joined from the crossings a search index lists for each
// street and, optionally, from the routes the transit feed draws (buses run on real avenues).
StreetLayers from_substitutes(const StreetsConfig& streets, const std::filesystem::path& data_dir,
                              const LocalProjection& projection, const GtfsFeed* feed) {
  std::vector<RoadPolyline> lines;
  std::string made_from;
  if (!streets.search_index.empty()) {
    const TrufiSearchIndex index = read_trufi_search(data_dir / streets.search_index);
    for (const StreetJunctions& street : index.streets) {
      for (const std::vector<LonLat>& piece : split_at_gaps(order_along_street(street.junctions))) {
        if (piece.size() < 2) continue;
        RoadPolyline line{.speed_kmh = streets.speeds.residential_kmh};
        for (const LonLat& point : piece) line.points.push_back(projection.to_xy(point));
        lines.push_back(std::move(line));
      }
    }
    made_from = std::to_string(lines.size()) + " street pieces from the crossings in " + streets.search_index;
  }
  if (streets.transit_shapes) {
    if (feed == nullptr) {
      throw InputError({}, "city.streets.transit_shapes", "is true but city.transit.gtfs names no feed");
    }
    for (const GtfsShape& shape : feed->shapes) {
      RoadPolyline line{.speed_kmh = streets.speeds.secondary_kmh};
      for (const LonLat& point : shape.points) line.points.push_back(projection.to_xy(point));
      lines.push_back(std::move(line));
    }
    made_from +=
        (made_from.empty() ? "" : " and ") + std::to_string(feed->shapes.size()) + " route shapes of " + feed->source;
  }
  if (lines.empty()) {
    throw InputError({}, "city.streets",
                     "names no street source with a usable line; expected osm, or search_index "
                     "or transit_shapes");
  }
  StreetLayers layers;
  const PolylineNetworkOptions options;
  layers.drive = network_from_polylines(lines, options);
  for (RoadPolyline& line : lines) line.speed_kmh = streets.walk_speed_kmh;
  layers.walk = network_from_polylines(lines, options);
  layers.source = "substitute streets: " + made_from;
  layers.notes.push_back(
      "streets: no street extract; a substitute network of " + made_from + ", joined where points lie within " +
      std::to_string(static_cast<int>(options.merge_tolerance_m)) + " m: " + std::to_string(layers.drive.node_count()) +
      " nodes, " + kilometres(layers.drive) + " of directed edges (not the full street grid)");
  return layers;
}

}  // namespace

StreetLayers load_streets(const StreetsConfig& streets, const std::filesystem::path& data_dir,
                          const LocalProjection& projection, const GtfsFeed* feed) {
  if (!streets.osm.empty()) return from_extract(streets, data_dir, projection);
  return from_substitutes(streets, data_dir, projection, feed);
}

}  // namespace munisim
