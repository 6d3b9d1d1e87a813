#include "sim/scenario/world_loader.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sim/scenario/detail/overrides.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/validation.hpp"

namespace munisim {
namespace {

using namespace scenario_detail;

constexpr std::string_view kCitiesKey = "cities";

WorldScenario load(std::string text, std::string name, std::filesystem::path base_dir,
                   const std::vector<std::string>& overrides) {
  WorldScenario world;
  world.source = std::move(name);
  world.text = std::move(text);
  world.base_dir = std::move(base_dir);
  const Node root = parse_yaml(world.text, world.source);
  if (root.kind != Node::Kind::mapping) {
    throw InputError({world.source, 1, 1}, "", "expected a mapping of world scenario keys, got " + describe(root));
  }
  ReadContext context;
  read_mapping(context, root, "", world.config);
  for (const std::string& assignment : overrides) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw InputError({kOverrideSource, 0, 0}, assignment, "expected key.path=value");
    }
    const std::string path = assignment.substr(0, equals);
    const Node value = parse_override_value(std::string_view(assignment).substr(equals + 1), path);
    OverrideApplier::apply(context, value, parse_key_path(path), 0, "", world.config);
  }
  Validator::validate(context, "", world.config);
  world.locations = std::move(context.value_locations);
  world.resolved_yaml = to_yaml(world.config);
  return world;
}

}  // namespace

SourceLocation WorldScenario::where(const std::string& path) const {
  ReadContext context;
  context.value_locations = locations;
  return context.nearest(path);
}

bool is_world_scenario(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return false;
  std::stringstream text;
  text << in.rdbuf();
  try {
    const Node root = parse_yaml(text.str(), file.string());
    return root.kind == Node::Kind::mapping && root.find(kCitiesKey) != nullptr;
  } catch (const InputError&) {
    return false;
  }
}

std::filesystem::path world_data_dir(const WorldScenario& world) {
  std::filesystem::path folder = world.config.data_dir;
  if (folder.empty()) {
    const char* environment = std::getenv("MUNISIM_DATA_DIR");
    if (environment == nullptr || *environment == '\0') return {};
    folder = environment;
  } else if (folder.is_relative()) {
    folder = world.base_dir / folder;
  }
  return std::filesystem::weakly_canonical(std::filesystem::absolute(folder));
}

WorldScenario load_world(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  std::ifstream in(file);
  if (!in) throw InputError({file.string(), 0, 0}, "", "cannot read world scenario file '" + file.string() + "'");
  std::stringstream text;
  text << in.rdbuf();
  return load(text.str(), file.string(), file.parent_path(), overrides);
}

WorldScenario load_world_text(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir,
                              const std::vector<std::string>& overrides) {
  return load(std::string(yaml), std::string(name), base_dir, overrides);
}

}  // namespace munisim
