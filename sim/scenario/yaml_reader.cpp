#include "sim/scenario/detail/yaml_reader.hpp"

namespace munisim::scenario_detail {

void fail_unknown_key(const SourceLocation& where, const std::string& path, const std::string& key,
                      const std::vector<std::string>& allowed) {
  if (const auto suggestion = closest_match(key, allowed)) {
    throw InputError(where, path, "unknown key '" + key + "'; did you mean '" + *suggestion + "'?");
  }
  std::string listed;
  for (const std::string& name : allowed) listed += (listed.empty() ? "" : ", ") + name;
  throw InputError(where, path, "unknown key '" + key + "'; expected one of: " + listed);
}

void check_keys(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
                const std::vector<std::string>& allowed, std::string_view extra_key) {
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const YAML::Node& key_node = entry.first;
    if (!key_node.IsScalar()) {
      throw InputError(location_of(file, key_node), path, "keys must be plain names, got " + describe(key_node));
    }
    const std::string& key = key_node.Scalar();
    const std::string key_path = child_path(path, key);
    if (!seen.insert(key).second) {
      throw InputError(location_of(file, key_node), key_path, "duplicate key; each key may appear once per mapping");
    }
    const bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end() || key == extra_key;
    if (!known) fail_unknown_key(location_of(file, key_node), key_path, key, allowed);
    context.key_locations[key_path] = location_of(file, key_node);
  }
}

}  // namespace munisim::scenario_detail
