// Loading world scenarios (docs/world.md): a YAML file whose `cities:` lists city scenarios and
// ubigeos, with the same rules and messages as a city scenario (sim/scenario/loader.hpp).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/world/world_config.hpp"

namespace munisim {

struct WorldScenario {
  WorldConfig config;        // typed, validated, defaults filled in
  std::string source;        // the file's path, or the name given to text input
  std::string text;          // the file's text as the user wrote it
  std::filesystem::path base_dir;  // where the file's relative paths start
  std::string resolved_yaml;       // every key with its final value
  std::map<std::string, SourceLocation> locations;  // where each key path's value stands

  // Where `path` (e.g. "cities[2].ubigeo") was written, else its nearest written parent: for
  // errors found after loading (an unknown ubigeo, a city with another calendar).
  [[nodiscard]] SourceLocation where(const std::string& path) const;
};

// Whether `file` is a world scenario: a YAML mapping with a top-level `cities` key. False for any
// file that cannot be read or parsed (loading it as a city scenario then reports why).
[[nodiscard]] bool is_world_scenario(const std::filesystem::path& file);

// InputError (file:line:col, key path, what was expected) on anything wrong.
[[nodiscard]] WorldScenario load_world(const std::filesystem::path& file,
                                       const std::vector<std::string>& overrides = {});
[[nodiscard]] WorldScenario load_world_text(std::string_view yaml, std::string_view name,
                                            const std::filesystem::path& base_dir,
                                            const std::vector<std::string>& overrides = {});

[[nodiscard]] std::string to_yaml(const WorldConfig& config);

// The world's data folder as an absolute path (its data_dir against the world file's folder, else
// MUNISIM_DATA_DIR), else empty (a city may still name its own).
[[nodiscard]] std::filesystem::path world_data_dir(const WorldScenario& world);

// The world keys' section of docs/scenario-reference.md.
[[nodiscard]] std::string world_reference_markdown();

}  // namespace munisim
