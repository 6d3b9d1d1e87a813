// Loading scenarios: YAML files (with `extends:`) and `--set key.path=value` overrides become a
// validated ScenarioConfig. The CLI, experiments and Python all come through here, so a scenario
// means the same thing whoever runs it. Every error is an InputError naming file:line:col, the
// key path and what was expected.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/scenario/scenario_config.hpp"
#include "sim/scenario/scenario_files.hpp"

namespace munisim {

struct Scenario {
  ScenarioConfig config;           // typed, validated, defaults filled in
  std::string source;              // the main file's path, or the name given to text input
  std::string text;                // the main file's text as the user wrote it
  std::vector<std::string> files;  // the main file (if any) and every file it extends, as read
  std::set<std::string> given_keys;  // key paths some file or override wrote (e.g. "waste.fleet.trucks")

  // Whether the user wrote `path` or a key below it: values generated for the user yield to these.
  [[nodiscard]] bool gives(const std::string& path) const;
  // Every key with its final value (defaults included), as to_yaml prints config now. Printed on
  // demand: a world of 1,891 municipalities never needs its cities' text.
  [[nodiscard]] std::string resolved_yaml() const;
};

[[nodiscard]] Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// `name` stands for the file in messages; `base_dir` resolves `extends:`.
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, std::string_view name,
                                          const std::filesystem::path& base_dir,
                                          const std::vector<std::string>& overrides = {});
// The same, reading the files it `extends:` from `files` (e.g. MemoryScenarioFiles).
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, std::string_view name,
                                          const std::filesystem::path& base_dir,
                                          const std::vector<std::string>& overrides, const ScenarioFiles& files);

// The resolved config as YAML; loading it again gives the same config.
[[nodiscard]] std::string to_yaml(const ScenarioConfig& config);

// docs/scenario-reference.md: every key with type, unit, default, range and meaning.
[[nodiscard]] std::string scenario_reference_markdown();

}  // namespace munisim
