// What the loader remembers while layering files and overrides onto a config: where each key was
// written (for messages) and which keys some layer gave (for required-key checks).
#pragma once

#include <map>
#include <set>
#include <string>

#include "sim/core/error.hpp"

namespace munisim::scenario_detail {

struct ReadContext {
  std::map<std::string, SourceLocation> value_locations;  // where a key's value (or mapping) stands
  std::set<std::string> given;

  // A later layer replaced a whole list: what earlier layers said below it no longer counts.
  void forget_under(const std::string& path);
  // The location of `path`'s value, else of its nearest ancestor that has one.
  [[nodiscard]] SourceLocation nearest(std::string path) const;
};

[[nodiscard]] std::string child_path(const std::string& parent, std::string_view key);
[[nodiscard]] std::string element_path(const std::string& list, std::size_t index);

}  // namespace munisim::scenario_detail
