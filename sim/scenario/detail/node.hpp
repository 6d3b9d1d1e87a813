// A parsed YAML document as a plain tree whose nodes know where they were written. yaml-cpp stays
// in yaml_parse.cpp; everything that reads configs works on this tree. Private to sim/scenario.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim::scenario_detail {

struct Node {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  std::string text;          // a scalar's text as written (without quotes)
  SourceLocation where;      // an empty value (`days:`) stands where its key stands
  std::vector<Node> keys;    // a mapping's keys, in order, duplicates kept
  std::vector<Node> values;  // a mapping's values (parallel to keys) or a sequence's elements

  // The value of the first scalar key `key`, or nullptr.
  [[nodiscard]] const Node* find(std::string_view key) const;
};

// "'ten'", "a list", "a mapping" or "nothing": what the user wrote, for messages.
[[nodiscard]] std::string describe(const Node& node);

// A whole file; a syntax error becomes an InputError at `file`:line:col.
[[nodiscard]] Node parse_yaml(std::string_view text, const std::string& file);

// The value of a `--set key.path=value`; its nodes stand at "--set" and errors name `key_path`.
inline const std::string kOverrideSource = "--set";
[[nodiscard]] Node parse_override_value(std::string_view text, const std::string& key_path);

}  // namespace munisim::scenario_detail
