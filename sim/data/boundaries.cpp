// GeoJSON through nlohmann::json's document tree: boundary layers are a few megabytes, and the tree
// lets every check name the feature and the coordinates it is about.
#include "sim/data/boundaries.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "sim/core/error.hpp"
#include "sim/data/detail/json_file.hpp"

namespace munisim {
namespace {

using detail::brief;
using nlohmann::json;

// The member, or null when the value is not an object or lacks it.
const json& member(const json& value, const char* key) {
  static const json kNull;
  if (!value.is_object()) return kNull;
  const auto found = value.find(key);
  return found == value.end() ? kNull : *found;
}

std::string string_member(const json& value, const char* key) {
  const json& text = member(value, key);
  return text.is_string() ? text.get<std::string>() : std::string{};
}

// A string as it is and an integer in its digits; nullopt when absent, null or of another type.
std::optional<std::string> text_property(const json& properties, const std::string& key) {
  const json& value = member(properties, key.c_str());
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  return std::nullopt;
}

std::string format(double value) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr};
}

std::string format(LonLat position) { return "[" + format(position.lon) + ", " + format(position.lat) + "]"; }

// The feature a check is about, for its message.
struct FeatureScope {
  std::string file;
  std::string label;  // "features[12] (IDDIST 130102)"

  [[noreturn]] void fail(const std::string& problem) const { throw InputError({file, 0, 0}, label, problem); }
};

void require_array(const json& value, const FeatureScope& scope, const std::string& path, const char* expected) {
  if (!value.is_array()) scope.fail(path + " is " + brief(value) + "; expected " + expected);
}

LonLat read_position(const json& value, const FeatureScope& scope, const std::string& ring_path, std::size_t index) {
  auto path = [&] { return ring_path + "[" + std::to_string(index) + "]"; };
  if (!value.is_array() || value.size() < 2 || !value[0].is_number() || !value[1].is_number()) {
    scope.fail(path() + " is " + brief(value) + "; expected a position [longitude, latitude] of numbers");
  }
  const LonLat position{value[0].get<double>(), value[1].get<double>()};
  if (!(std::abs(position.lon) <= 180 && std::abs(position.lat) <= 90)) {
    scope.fail(path() + " is " + format(position) + "; expected longitude in [-180, 180] and latitude in [-90, 90]");
  }
  return position;
}

std::vector<LonLat> read_ring(const json& value, const FeatureScope& scope, const std::string& path) {
  require_array(value, scope, path, "a ring of positions");
  if (value.size() < 4) {
    scope.fail(path + " has " + std::to_string(value.size()) +
               " positions; expected at least 4, the last repeating the first");
  }
  std::vector<LonLat> ring;
  ring.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) ring.push_back(read_position(value[i], scope, path, i));
  if (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat) {
    scope.fail(path + " is not closed: it starts at " + format(ring.front()) + " but ends at " + format(ring.back()) +
               "; expected the first position repeated at the end");
  }
  ring.pop_back();
  return ring;
}

std::vector<std::vector<LonLat>> read_polygon(const json& value, const FeatureScope& scope, const std::string& path) {
  require_array(value, scope, path, "an array of rings, the outer first");
  if (value.empty()) scope.fail(path + " has no rings; expected an outer ring, then any holes");
  std::vector<std::vector<LonLat>> rings;
  rings.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    rings.push_back(read_ring(value[i], scope, path + "[" + std::to_string(i) + "]"));
  }
  // In degrees: LocalProjection is affine, so a ring crosses itself in metres exactly where it does in degrees.
  Ring outer;
  outer.reserve(rings.front().size());
  for (const LonLat p : rings.front()) outer.push_back({p.lon, p.lat});
  if (ring_self_intersects(outer)) scope.fail(path + "[0] crosses itself; expected a simple outer ring");
  return rings;
}

std::vector<std::vector<std::vector<LonLat>>> read_geometry(const json& geometry, const FeatureScope& scope) {
  const std::string type = string_member(geometry, "type");
  const json& coordinates = member(geometry, "coordinates");
  if (type == "Polygon") return {read_polygon(coordinates, scope, "geometry.coordinates")};
  if (type != "MultiPolygon") {
    scope.fail("geometry type is " + (type.empty() ? std::string("missing") : type) +
               "; expected Polygon or MultiPolygon");
  }
  require_array(coordinates, scope, "geometry.coordinates", "an array of polygons");
  if (coordinates.empty()) scope.fail("geometry.coordinates has no polygons; expected at least one");
  std::vector<std::vector<std::vector<LonLat>>> polygons;
  polygons.reserve(coordinates.size());
  for (std::size_t i = 0; i < coordinates.size(); ++i) {
    polygons.push_back(read_polygon(coordinates[i], scope, "geometry.coordinates[" + std::to_string(i) + "]"));
  }
  return polygons;
}

}  // namespace

std::vector<Boundary> read_boundaries(const std::filesystem::path& file, const BoundaryFields& fields) {
  const json root = detail::parse_json_file<json>(file, "a GeoJSON FeatureCollection");
  const std::string type = string_member(root, "type");
  if (type != "FeatureCollection") {
    throw InputError(
        {file.string(), 0, 0}, "type",
        "is " + (type.empty() ? std::string("missing") : '"' + type + '"') + "; expected a GeoJSON FeatureCollection");
  }
  const json& features = member(root, "features");
  if (!features.is_array()) {
    throw InputError({file.string(), 0, 0}, "features", "is " + brief(features) + "; expected an array of Features");
  }

  std::vector<Boundary> boundaries;
  boundaries.reserve(features.size());
  for (std::size_t index = 0; index < features.size(); ++index) {
    const json& feature = features[index];
    FeatureScope scope{file.string(), "features[" + std::to_string(index) + "]"};
    if (string_member(feature, "type") != "Feature")
      scope.fail("is " + brief(feature) + "; expected a GeoJSON Feature");
    const json& properties = member(feature, "properties");
    const std::optional<std::string> code = text_property(properties, fields.code);
    if (!code || code->empty()) {
      scope.fail("has no property " + fields.code + " holding a string or an integer; expected the boundary's code");
    }
    scope.label += " (" + fields.code + " " + *code + ")";
    const json& geometry = member(feature, "geometry");
    if (geometry.is_null()) continue;
    boundaries.push_back({.code = *code,
                          .name = text_property(properties, fields.name).value_or(""),
                          .polygons = read_geometry(geometry, scope),
                          .feature = index});
  }
  return boundaries;
}

Area project(const Boundary& boundary, const LocalProjection& projection) {
  auto to_ring = [&projection](const std::vector<LonLat>& positions) {
    Ring ring;
    ring.reserve(positions.size());
    for (const LonLat position : positions) ring.push_back(projection.to_xy(position));
    return ring;
  };
  std::vector<Polygon> parts;
  parts.reserve(boundary.polygons.size());
  for (const auto& rings : boundary.polygons) {
    Polygon& part = parts.emplace_back();
    for (std::size_t i = 0; i < rings.size(); ++i) {
      if (i == 0) {
        part.outer = to_ring(rings[i]);
      } else {
        part.holes.push_back(to_ring(rings[i]));
      }
    }
  }
  return Area(std::move(parts));
}

}  // namespace munisim
