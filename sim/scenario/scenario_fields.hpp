// Every key a scenario may hold, as data: what docs/scenario-reference.md prints and what Python
// reads to know a key's type and bounds, from the same visit() the loader reads with.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace munisim {

struct ScenarioField {
  std::string key;   // a path: "city.districts[].population"
  std::string type;  // "integer", "number", "list of numbers", "mapping", "list of mappings", ...
  std::string unit;
  std::optional<std::string> default_yaml;  // as the resolved YAML prints it; none when required or a mapping
  std::optional<double> min;                // inclusive; for a list of mappings, the fewest entries
  std::optional<double> max;                // inclusive
  std::vector<std::string> choices;         // the allowed values of a text
  std::string allowed;                      // min, max or choices as the reference words them
  bool required = false;
  std::string meaning;
  std::string source;
};

// In reference order: each mapping's key before its own keys.
[[nodiscard]] std::vector<ScenarioField> scenario_fields();

}  // namespace munisim
