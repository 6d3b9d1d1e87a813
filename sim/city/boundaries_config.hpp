// What a scenario says about district boundaries: the GeoJSON file whose polygons decide which
// streets, and so which households, belong to which district.
#pragma once

#include <string>

#include "sim/core/schema.hpp"

namespace munisim {

struct BoundariesConfig {
  std::string geojson;
  std::string code_property = "IDDIST";
  std::string name_property = "NOMBDIST";

  template <class V>
  void visit(V& v) {
    v.field("geojson", geojson,
            {.meaning = "district polygons (GeoJSON FeatureCollection, WGS84) relative to data_dir, joined to "
                        "city.districts by ubigeo; empty: streets go to the district with the nearest capital"});
    v.field("code_property", code_property, {.meaning = "feature property holding the 6-digit INEI ubigeo"});
    v.field("name_property", name_property, {.meaning = "feature property holding the district name (messages)"});
  }
};

}  // namespace munisim
