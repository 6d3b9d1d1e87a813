// YAML text to a Node tree through yaml-cpp's event parser, with bounds on what an alias may
// expand to and on nesting depth, so that a few hundred bytes cannot ask for gigabytes.
// Private to sim/scenario.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sim/scenario/detail/node.hpp"

namespace munisim::scenario_detail {

// Nodes that aliases may add to one document, counted as copies. Real scenarios alias a few
// hundred nodes at most (a district list, a list of daily values); nine levels of ten aliases
// would add 10^9.
inline constexpr std::size_t kMaxAliasNodes = 100'000;
// Mappings and lists inside each other; the deepest scenario value sits six collections down.
inline constexpr int kMaxNestingDepth = 64;

// The first document of `text` (null when there is none). Nodes stand at `file`:line:col when
// `positions`, else at `file` alone. InputError on syntax errors and on exceeding the bounds,
// located at the offending alias or collection with its key path.
[[nodiscard]] Node build_tree(std::string_view text, const std::string& file, bool positions);

}  // namespace munisim::scenario_detail
