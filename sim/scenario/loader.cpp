#include "sim/scenario/loader.hpp"

#include <fstream>
#include <sstream>

#include "sim/scenario/detail/overrides.hpp"
#include "sim/scenario/detail/validation.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"

namespace munisim {
namespace {

using namespace scenario_detail;

constexpr std::string_view kExtendsKey = "extends";

std::string read_text(const std::filesystem::path& file, const SourceLocation& referenced_from) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError(referenced_from.file.empty() ? SourceLocation{file.string(), 0, 0} : referenced_from,
                     referenced_from.file.empty() ? "" : std::string(kExtendsKey),
                     "cannot read scenario file '" + file.string() + "'");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

YAML::Node parse(const std::string& text, const std::string& name) {
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) throw InputError({name, 1, 1}, "", "the file is empty; expected a mapping of scenario keys");
    if (!root.IsMap()) {
      throw InputError(location_of(name, root), "", "expected a mapping of scenario keys, got " + describe(root));
    }
    return root;
  } catch (const YAML::ParserException& error) {
    throw InputError({name, error.mark.line + 1, error.mark.column + 1}, "", "YAML syntax error: " + error.msg);
  }
}

// Applies one file, after the files it extends, onto `config`.
void apply_text(const std::string& text, const std::string& name, const std::filesystem::path& base_dir,
                std::vector<std::filesystem::path>& chain, ScenarioConfig& config, ReadContext& context) {
  const YAML::Node root = parse(text, name);
  if (const YAML::Node extends = root[std::string(kExtendsKey)]) {
    const std::string key(kExtendsKey);
    const std::string base_name = read_value(ValueSite{name, key, location_of(name, extends)}, extends, {}, std::string());
    const std::filesystem::path base = (base_dir / base_name).lexically_normal();
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(base);
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
      throw InputError(location_of(name, extends), key, "'" + base_name + "' leads back to a file already being read; extends must not form a cycle");
    }
    chain.push_back(canonical);
    apply_text(read_text(base, location_of(name, extends)), base.string(), base.parent_path(), chain, config, context);
    chain.pop_back();
  }
  read_mapping(context, name, root, "", config, kExtendsKey);
}

void apply_override(const std::string& assignment, ScenarioConfig& config, ReadContext& context) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw InputError({kOverrideSource, 0, 0}, assignment, "expected key.path=value");
  }
  const std::string path = assignment.substr(0, equals);
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(equals + 1));
  } catch (const YAML::ParserException& error) {
    throw InputError({kOverrideSource, 0, 0}, path, "the value is not valid YAML: " + error.msg);
  }
  OverrideApplier::apply(context, value, parse_key_path(path), 0, "", config);
}

Scenario finish(Scenario scenario, const std::vector<std::string>& overrides, ReadContext& context) {
  for (const std::string& assignment : overrides) apply_override(assignment, scenario.config, context);
  Validator::validate(context, "", scenario.config);
  scenario.resolved_yaml = to_yaml(scenario.config);
  return scenario;
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Scenario scenario;
  scenario.source = file.string();
  scenario.text = read_text(file, {});
  ReadContext context;
  std::vector<std::filesystem::path> chain{std::filesystem::weakly_canonical(file)};
  apply_text(scenario.text, scenario.source, file.parent_path(), chain, scenario.config, context);
  return finish(std::move(scenario), overrides, context);
}

Scenario load_scenario_text(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir,
                            const std::vector<std::string>& overrides) {
  Scenario scenario;
  scenario.source = std::string(name);
  scenario.text = std::string(yaml);
  ReadContext context;
  std::vector<std::filesystem::path> chain;
  apply_text(scenario.text, scenario.source, base_dir, chain, scenario.config, context);
  return finish(std::move(scenario), overrides, context);
}

}  // namespace munisim
