// The index is 1.3 MB for Arequipa, so it is read whole into nlohmann's document tree; ordered_json keeps the
// streets in the file's order (alphabetical by name) rather than in the order of their ids as text ("s1", "s10").
#include "sim/data/trufi_search.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "sim/core/error.hpp"
#include "sim/data/detail/json_file.hpp"

namespace munisim {
namespace {

using Json = nlohmann::ordered_json;
using detail::brief;

class IndexReader {
 public:
  explicit IndexReader(const std::filesystem::path& file) : file_(file.string()) {}

  [[noreturn]] void fail(const std::string& key_path, const std::string& problem) const {
    throw InputError({file_, 0, 0}, key_path, problem);
  }

  [[nodiscard]] Json parse() const { return detail::parse_json_file<Json>(file_, "a Trufi search index (JSON)"); }

  // The root's member, required to be of the given kind.
  [[nodiscard]] const Json& section(const Json& root, const char* key, bool array) const {
    const auto found = root.find(key);
    if (found == root.end()) fail(key, std::string("is missing; expected ") + (array ? "an array" : "an object"));
    if (array ? !found->is_array() : !found->is_object()) {
      fail(key, "is " + brief(*found) + "; expected " + (array ? "an array" : "an object"));
    }
    return *found;
  }

  // Where a record of the kind ("pois") holds the field ("coordinates"), as "_fields" lists them.
  [[nodiscard]] std::size_t column(const Json& root, const char* kind, const char* field) const {
    const std::string path = std::string("_fields.") + kind;
    const auto fields = root.find("_fields");
    if (fields == root.end() || !fields->is_object() || !fields->contains(kind) || !(*fields)[kind].is_array()) {
      fail(path, "is missing; expected the list of a record's fields");
    }
    const Json& names = (*fields)[kind];
    const auto found = std::find(names.begin(), names.end(), field);
    if (found == names.end())
      fail(path, "does not list \"" + std::string(field) + "\"; expected it among a record's fields");
    return static_cast<std::size_t>(found - names.begin());
  }

  // The record's field at column, after checking that the record is an array that long.
  [[nodiscard]] const Json& field(const Json& record, std::size_t column, const std::string& key_path) const {
    if (!record.is_array() || record.size() <= column) {
      fail(key_path, "is " + brief(record) + "; expected an array of the fields \"_fields\" lists");
    }
    return record[column];
  }

  [[nodiscard]] std::string text(const Json& value, const char* field, const std::string& key_path) const {
    if (!value.is_string()) fail(key_path, std::string(field) + " is " + brief(value) + "; expected a string");
    return value.get<std::string>();
  }

  [[nodiscard]] LonLat position(const Json& value, const std::string& key_path) const {
    if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
      fail(key_path, "coordinates are " + brief(value) + "; expected a pair [longitude, latitude] of numbers");
    }
    const LonLat position{value[0].get<double>(), value[1].get<double>()};
    if (!(std::abs(position.lon) <= 180 && std::abs(position.lat) <= 90)) {
      fail(key_path, "coordinates are " + brief(value) + "; expected longitude in [-180, 180], latitude in [-90, 90]");
    }
    return position;
  }

 private:
  std::string file_;
};

}  // namespace

TrufiSearchIndex read_trufi_search(const std::filesystem::path& file) {
  const IndexReader reader(file);
  const Json root = reader.parse();
  if (!root.is_object()) reader.fail("", "is " + brief(root) + "; expected a Trufi search index, a JSON object");
  const Json& pois = reader.section(root, "pois", true);
  const Json& streets = reader.section(root, "streets", false);
  const Json& junctions = reader.section(root, "streetJunctions", false);
  const std::size_t poi_name = reader.column(root, "pois", "name");
  const std::size_t poi_coordinates = reader.column(root, "pois", "coordinates");
  const std::size_t poi_type = reader.column(root, "pois", "type");
  const std::size_t street_name = reader.column(root, "streets", "name");
  const std::size_t junction_coordinates = reader.column(root, "streetJunctions", "coordinates");

  TrufiSearchIndex index;
  index.pois.reserve(pois.size());
  for (std::size_t i = 0; i < pois.size(); ++i) {
    const std::string path = "pois[" + std::to_string(i) + "]";
    const Json& record = pois[i];
    const Json& type = reader.field(record, poi_type, path);
    index.pois.push_back({.name = reader.text(reader.field(record, poi_name, path), "name", path),
                          .type = type.is_null() ? std::string{} : reader.text(type, "type", path),
                          .position = reader.position(reader.field(record, poi_coordinates, path), path)});
  }

  std::unordered_map<std::string, std::size_t> street_of;  // street id -> index in index.streets
  index.streets.reserve(streets.size());
  for (const auto& [id, record] : streets.items()) {
    const std::string path = "streets." + id;
    street_of.emplace(id, index.streets.size());
    index.streets.push_back({.name = reader.text(reader.field(record, street_name, path), "name", path)});
  }
  for (const auto& [id, records] : junctions.items()) {
    const std::string path = "streetJunctions." + id;
    const auto street = street_of.find(id);
    if (street == street_of.end()) reader.fail(path, "names no street in \"streets\"; expected a street's id");
    if (!records.is_array()) reader.fail(path, "is " + brief(records) + "; expected an array of junctions");
    std::vector<LonLat>& points = index.streets[street->second].junctions;
    points.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      const std::string record_path = path + "[" + std::to_string(i) + "]";
      points.push_back(reader.position(reader.field(records[i], junction_coordinates, record_path), record_path));
    }
  }
  return index;
}

}  // namespace munisim
