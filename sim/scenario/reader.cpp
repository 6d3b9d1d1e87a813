#include "sim/scenario/detail/reader.hpp"

#include <algorithm>
#include <set>

#include "sim/scenario/suggest.hpp"

namespace munisim::scenario_detail {

void fail_unknown_key(const SourceLocation& where, const std::string& path, const std::string& key,
                      const std::vector<std::string>& allowed) {
  if (const auto suggestion = closest_match(key, allowed)) {
    throw InputError(where, path, "unknown key '" + key + "'; did you mean '" + *suggestion + "'?");
  }
  throw InputError(where, path, "unknown key '" + key + "'; expected one of: " + listed(allowed));
}

void check_keys(const Node& node, const std::string& path, const std::vector<std::string>& allowed,
                std::string_view extra_key) {
  std::set<std::string> seen;
  for (const Node& key_node : node.keys) {
    if (key_node.kind != Node::Kind::scalar) {
      throw InputError(key_node.where, path, "keys must be plain names, got " + describe(key_node));
    }
    const std::string& key = key_node.text;
    const std::string key_path = child_path(path, key);
    if (!seen.insert(key).second) {
      throw InputError(key_node.where, key_path, "duplicate key; each key may appear once per mapping");
    }
    const bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end() || key == extra_key;
    if (!known) fail_unknown_key(key_node.where, key_path, key, allowed);
  }
}

}  // namespace munisim::scenario_detail
