// YAML files and --set values parsed into scenario_detail::Node trees, syntax errors located.
#include <yaml-cpp/exceptions.h>

#include "sim/scenario/detail/node.hpp"
#include "sim/scenario/detail/yaml_tree.hpp"

namespace munisim::scenario_detail {

const Node* Node::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].kind == Kind::scalar && keys[i].text == key) return &values[i];
  }
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::scalar:
      return "'" + node.text + "'";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::mapping:
      return "a mapping";
    default:
      return "nothing";
  }
}

Node parse_yaml(std::string_view text, const std::string& file) {
  try {
    return build_tree(text, file, true);
  } catch (const YAML::ParserException& error) {
    throw InputError({file, error.mark.line + 1, error.mark.column + 1}, "", "YAML syntax error: " + error.msg);
  }
}

Node parse_override_value(std::string_view text, const std::string& key_path) {
  try {
    return build_tree(text, kOverrideSource, false);
  } catch (const YAML::ParserException& error) {
    throw InputError({kOverrideSource, 0, 0}, key_path, "the value is not valid YAML: " + error.msg);
  }
}

}  // namespace munisim::scenario_detail
