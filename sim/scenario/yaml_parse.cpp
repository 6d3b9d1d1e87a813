// yaml-cpp's documents turned into scenario_detail::Node trees: the one place that parses YAML.
#include <yaml-cpp/yaml.h>

#include "sim/scenario/detail/node.hpp"

namespace munisim::scenario_detail {
namespace {

class Converter {
 public:
  Converter(const std::string& file, bool positions) : file_(file), positions_(positions) {}

  Node convert(const YAML::Node& yaml, const SourceLocation& fallback) const {
    Node node;
    node.where = location(yaml, fallback);
    switch (yaml.Type()) {
      case YAML::NodeType::Scalar:
        node.kind = Node::Kind::scalar;
        node.text = yaml.Scalar();
        break;
      case YAML::NodeType::Sequence:
        node.kind = Node::Kind::sequence;
        for (const YAML::Node& element : yaml) node.values.push_back(convert(element, node.where));
        break;
      case YAML::NodeType::Map:
        node.kind = Node::Kind::mapping;
        for (const auto& entry : yaml) {
          node.keys.push_back(convert(entry.first, node.where));
          node.values.push_back(convert(entry.second, node.keys.back().where));
        }
        break;
      default:
        break;
    }
    return node;
  }

 private:
  // yaml-cpp gives an empty value no mark of its own; it then stands at `fallback` (its key).
  SourceLocation location(const YAML::Node& yaml, const SourceLocation& fallback) const {
    if (!positions_) return {file_, 0, 0};
    const YAML::Mark mark = yaml.Mark();
    if (mark.is_null() || (yaml.IsNull() && fallback.line > 0)) return fallback;
    return {file_, mark.line + 1, mark.column + 1};
  }

  const std::string& file_;
  bool positions_;
};

}  // namespace

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
    return Converter(file, true).convert(YAML::Load(std::string(text)), {file, 1, 1});
  } catch (const YAML::ParserException& error) {
    throw InputError({file, error.mark.line + 1, error.mark.column + 1}, "", "YAML syntax error: " + error.msg);
  }
}

Node parse_override_value(std::string_view text, const std::string& key_path) {
  try {
    return Converter(kOverrideSource, false).convert(YAML::Load(std::string(text)), {kOverrideSource, 0, 0});
  } catch (const YAML::ParserException& error) {
    throw InputError({kOverrideSource, 0, 0}, key_path, "the value is not valid YAML: " + error.msg);
  }
}

}  // namespace munisim::scenario_detail
