// What a scenario says about real street data: the OpenStreetMap extract to import and the free
// speeds and lanes of roads whose tags do not state them.
#pragma once

#include <string>

#include "sim/core/schema.hpp"

namespace munisim {

// Free speed by OSM highway class where a way has no usable maxspeed. Peru's Reglamento Nacional
// de Tránsito (D.S. 016-2009-MTC, art. 162) sets urban limits of 40 km/h on streets, 60 on avenues
// and 80 on expressways [UNV]; classes below those are slower in practice [EST].
struct HighwaySpeedsConfig {
  double motorway_kmh = 80;
  double trunk_kmh = 60;
  double primary_kmh = 60;
  double secondary_kmh = 50;
  double tertiary_kmh = 40;
  double unclassified_kmh = 30;
  double residential_kmh = 30;
  double living_street_kmh = 10;
  double service_kmh = 15;
  double track_kmh = 15;

  template <class V>
  void visit(V& v) {
    const char* source = "D.S. 016-2009-MTC art. 162 urban limits [UNV]; minor classes [EST]";
    const auto speed = [&](const char* key, double& value, const char* what) {
      v.field(key, value, {.unit = "km/h", .meaning = what, .min = 3, .max = 130, .source = source});
    };
    speed("motorway_kmh", motorway_kmh, "highway=motorway (and _link)");
    speed("trunk_kmh", trunk_kmh, "highway=trunk (and _link), e.g. the Panamericana");
    speed("primary_kmh", primary_kmh, "highway=primary (and _link): avenues");
    speed("secondary_kmh", secondary_kmh, "highway=secondary (and _link)");
    speed("tertiary_kmh", tertiary_kmh, "highway=tertiary (and _link)");
    speed("unclassified_kmh", unclassified_kmh, "highway=unclassified and highway=road");
    speed("residential_kmh", residential_kmh, "highway=residential");
    speed("living_street_kmh", living_street_kmh, "highway=living_street");
    speed("service_kmh", service_kmh, "highway=service");
    speed("track_kmh", track_kmh, "highway=track");
  }
};

struct StreetsConfig {
  std::string osm;
  std::string search_index;
  bool transit_shapes = false;
  HighwaySpeedsConfig speeds;
  double walk_speed_kmh = 4.5;

  // Whether real street data is named (an extract, or substitutes for one).
  [[nodiscard]] bool names_real_streets() const { return !osm.empty() || !search_index.empty() || transit_shapes; }

  template <class V>
  void visit(V& v) {
    v.field("osm", osm,
            {.meaning = "OpenStreetMap extract (.osm.pbf or .osm) relative to data_dir; empty: the synthetic "
                        "grid of city.network"});
    v.field("search_index", search_index,
            {.meaning = "where no extract exists: a Trufi app search index (JSON, from OpenStreetMap) relative to "
                        "data_dir whose street crossings are joined into streets"});
    v.field("transit_shapes", transit_shapes,
            {.meaning = "where no extract exists: the routes drawn in the city.transit feed become streets too"});
    v.object("speeds", speeds, {.meaning = "free speeds of ways without a maxspeed tag"});
    v.field("walk_speed_kmh", walk_speed_kmh,
            {.unit = "km/h", .meaning = "walking speed on the walk network", .min = 1, .max = 10, .source = "[EST]"});
  }
};

}  // namespace munisim
