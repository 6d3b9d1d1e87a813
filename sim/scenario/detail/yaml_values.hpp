// Typed values from YAML nodes with the loader's rules: strict types, ranges, choices. Private to
// sim/scenario (it includes yaml-cpp).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/error.hpp"
#include "sim/scenario/schema.hpp"

namespace munisim::scenario_detail {

// Where a node stands: file plus the node's 1-based line and column ("--set" has no position).
[[nodiscard]] SourceLocation location_of(const std::string& file, const YAML::Node& node);
[[nodiscard]] std::string describe(const YAML::Node& node);  // "'ten'", "a mapping", "nothing", ...

struct ValueSite {
  std::string file;
  std::string path;
  SourceLocation where;  // reported in messages
};

std::int64_t read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, std::int64_t);
int read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, int);
double read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, double);
std::string read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, const std::string&);
Date read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, Date);
std::vector<double> read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field,
                               const std::vector<double>&);

}  // namespace munisim::scenario_detail
