#include "sim/scenario/loader.hpp"

#include <algorithm>

#include "sim/scenario/detail/overrides.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/validation.hpp"

namespace munisim {
namespace {

using namespace scenario_detail;

constexpr std::string_view kExtendsKey = "extends";

std::string read_text(const ScenarioFiles& files, const std::filesystem::path& file,
                      const SourceLocation& referenced_from) {
  std::optional<std::string> text = files.read(file);
  if (!text) {
    throw InputError(referenced_from.file.empty() ? SourceLocation{file.string(), 0, 0} : referenced_from,
                     referenced_from.file.empty() ? "" : std::string(kExtendsKey),
                     "cannot read scenario file '" + file.string() + "'");
  }
  return std::move(*text);
}

Node parse_root(const std::string& text, const std::string& name) {
  Node root = parse_yaml(text, name);
  if (root.kind == Node::Kind::null) {
    throw InputError({name, 1, 1}, "", "the file is empty; expected a mapping of scenario keys");
  }
  if (root.kind != Node::Kind::mapping) {
    throw InputError(root.where, "", "expected a mapping of scenario keys, got " + describe(root));
  }
  return root;
}

// Applies one file, after the files it extends, onto `scenario.config`; adds those files to scenario.files.
void apply_text(const ScenarioFiles& files, const std::string& text, const std::string& name,
                const std::filesystem::path& base_dir, std::vector<std::filesystem::path>& chain, Scenario& scenario,
                ReadContext& context) {
  const Node root = parse_root(text, name);
  if (const Node* extends = root.find(kExtendsKey)) {
    const std::string key(kExtendsKey);
    std::string base_name;
    read_value(*extends, key, {}, base_name);
    const std::filesystem::path base = (base_dir / base_name).lexically_normal();
    const std::filesystem::path canonical = files.identity(base);
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
      throw InputError(extends->where, key,
                       "'" + base_name + "' leads back to a file already being read; extends must not form a cycle");
    }
    chain.push_back(canonical);
    scenario.files.push_back(base.string());
    apply_text(files, read_text(files, base, extends->where), base.string(), base.parent_path(), chain, scenario,
               context);
    chain.pop_back();
  }
  read_mapping(context, root, "", scenario.config, kExtendsKey);
}

void apply_override(const std::string& assignment, ScenarioConfig& config, ReadContext& context) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw InputError({kOverrideSource, 0, 0}, assignment, "expected key.path=value");
  }
  const std::string path = assignment.substr(0, equals);
  const std::vector<PathSegment> segments = parse_key_path(path);
  const Node value = parse_override_value(std::string_view(assignment).substr(equals + 1), path);
  OverrideApplier::apply(context, value, segments, 0, "", config);
}

Scenario finish(Scenario scenario, const std::vector<std::string>& overrides, ReadContext& context) {
  for (const std::string& assignment : overrides) apply_override(assignment, scenario.config, context);
  Validator::validate(context, "", scenario.config);
  scenario.given_keys = context.given;
  return scenario;
}

}  // namespace

bool Scenario::gives(const std::string& path) const {
  for (auto it = given_keys.lower_bound(path); it != given_keys.end() && it->starts_with(path); ++it) {
    if (it->size() == path.size() || (*it)[path.size()] == '.' || (*it)[path.size()] == '[') return true;
  }
  return false;
}

std::string Scenario::resolved_yaml() const { return to_yaml(config); }

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Scenario scenario;
  scenario.source = file.string();
  const DiskScenarioFiles files;
  scenario.text = read_text(files, file, {});
  scenario.files = {scenario.source};
  ReadContext context;
  std::vector<std::filesystem::path> chain{files.identity(file)};
  apply_text(files, scenario.text, scenario.source, file.parent_path(), chain, scenario, context);
  return finish(std::move(scenario), overrides, context);
}

Scenario load_scenario_text(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir,
                            const std::vector<std::string>& overrides) {
  return load_scenario_text(yaml, name, base_dir, overrides, DiskScenarioFiles());
}

Scenario load_scenario_text(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir,
                            const std::vector<std::string>& overrides, const ScenarioFiles& files) {
  Scenario scenario;
  scenario.source = std::string(name);
  scenario.text = std::string(yaml);
  ReadContext context;
  std::vector<std::filesystem::path> chain;
  apply_text(files, scenario.text, scenario.source, base_dir, chain, scenario, context);
  return finish(std::move(scenario), overrides, context);
}

}  // namespace munisim
