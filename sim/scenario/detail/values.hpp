// Typed values from parsed nodes with the loader's rules: strict types, ranges, choices. One
// overload per field type the schema allows. Private to sim/scenario.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/scenario/detail/node.hpp"
#include "sim/scenario/detail/read_context.hpp"

namespace munisim::scenario_detail {

// The shortest text that reads back as exactly `value` ("0.2", "9007199254740991").
[[nodiscard]] std::string number_text(double value);

// Each reads `node` into `value` or throws an InputError at the node naming `path`.
void read_value(const Node& node, const std::string& path, const schema::Field& field, bool& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, int& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, std::int64_t& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, double& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, std::string& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, Date& value);
// Lists of values: min, max and choices apply to each element.
void read_value(const Node& node, const std::string& path, const schema::Field& field, std::vector<double>& value);
void read_value(const Node& node, const std::string& path, const schema::Field& field, std::vector<std::string>& value);

// Throws "expected a list/a mapping, got ..." unless `node` is of `kind` (sequence or mapping).
void expect_kind(const Node& node, Node::Kind kind, const std::string& path);

// "has 0 entries; expected at least 1" when a list of structs is shorter than field.min.
void check_entry_count(std::size_t entries, const schema::Field& field, const SourceLocation& where,
                       const std::string& path);

}  // namespace munisim::scenario_detail
