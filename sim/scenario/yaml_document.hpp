// Located YAML for input files other than scenarios (experiment specs): the scenario loader's
// parser, node tree, value rules and messages (file:line:col, key path, what was expected), so
// that every file munisim reads reports errors the same way. yaml-cpp stays inside sim/scenario.
#pragma once

#include "sim/scenario/detail/node.hpp"
#include "sim/scenario/detail/read_context.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/values.hpp"

namespace munisim::yaml {

using Node = scenario_detail::Node;
using scenario_detail::check_keys;
using scenario_detail::child_path;
using scenario_detail::describe;
using scenario_detail::element_path;
using scenario_detail::expect_kind;
using scenario_detail::fail_unknown_key;
using scenario_detail::number_text;
using scenario_detail::parse_yaml;
using scenario_detail::read_value;

}  // namespace munisim::yaml
