#include "sim/experiment/spec.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "sim/scenario/scenario_files.hpp"
#include "sim/scenario/suggest.hpp"
#include "sim/scenario/yaml_document.hpp"

namespace munisim {
namespace {

using yaml::Node;

const std::vector<std::string> kSpecKeys{"name",       "scenario", "set",  "variants", "grid",
                                         "replications", "seed",   "days", "baseline", "kpis", "maps"};

// A value for the loader's --set: a scalar as written, a list as a flow sequence of scalars.
std::string override_value(const Node& value, const std::string& path) {
  if (value.kind == Node::Kind::scalar) return value.text;
  if (value.kind == Node::Kind::sequence) {
    std::string text = "[";
    for (const Node& element : value.values) {
      if (element.kind != Node::Kind::scalar) {
        throw InputError(element.where, path, "expected a list of plain values, got " + yaml::describe(element));
      }
      text += (text.size() > 1 ? ", " : "") + element.text;
    }
    return text + "]";
  }
  throw InputError(value.where, path, "expected a value or a list of values, got " + yaml::describe(value));
}

constexpr std::string_view kKeyPathsExpected = "expected scenario key paths like city.sampling";

// Calls entry(key, value, key path) for each entry of the mapping `node` at `path`, in the spec's
// order, after checking that each key is a plain, non-empty name given once.
template <class Entry>
void for_each_entry(const Node& node, const std::string& path, std::string_view expected, Entry&& entry) {
  yaml::expect_kind(node, Node::Kind::mapping, path);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const Node& key = node.keys[i];
    const std::string key_path = yaml::child_path(path, key.text);
    if (key.kind != Node::Kind::scalar || key.text.empty()) {
      throw InputError(key.where, path, std::string(expected) + ", got " + yaml::describe(key));
    }
    if (!seen.insert(key.text).second) throw InputError(key.where, key_path, "is given twice; each may appear once");
    entry(key.text, node.values[i], key_path);
  }
}

// A mapping of scenario key paths to values, in the spec's order.
std::vector<Override> read_overrides(const Node& node, const std::string& path) {
  std::vector<Override> overrides;
  for_each_entry(node, path, kKeyPathsExpected, [&](const std::string& key, const Node& value, const std::string& key_path) {
    overrides.push_back({key + "=" + override_value(value, key_path), key_path, value.where});
  });
  return overrides;
}

// The last segment of a key path: "governance.model" reads as "model" in a grid point's name.
std::string short_key(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

struct GridAxis {
  std::string key;
  std::string name;  // short_key, or the whole path when two axes share a short key
  std::vector<std::pair<std::string, const Node*>> values;  // text for names, node for location
  std::string path;
};

std::vector<GridAxis> read_grid(const Node& node) {
  std::vector<GridAxis> axes;
  for_each_entry(node, "grid", kKeyPathsExpected, [&](const std::string& key, const Node& values, const std::string& path) {
    yaml::expect_kind(values, Node::Kind::sequence, path);
    if (values.values.empty()) throw InputError(values.where, path, "has no values; expected a list of at least one");
    GridAxis axis{key, short_key(key), {}, path};
    for (std::size_t v = 0; v < values.values.size(); ++v) {
      const Node& value = values.values[v];
      axis.values.emplace_back(override_value(value, yaml::element_path(path, v)), &value);
    }
    axes.push_back(std::move(axis));
  });
  if (axes.empty()) throw InputError(node.where, "grid", "the grid is empty; expected key paths with lists of values");
  for (GridAxis& axis : axes) {
    int sharing = 0;
    for (const GridAxis& other : axes) sharing += other.name == axis.name ? 1 : 0;
    if (sharing > 1) axis.name = axis.key;
  }
  return axes;
}

// Every point of the grid as a variant named "model=integrated,trucks=6", first axis slowest.
std::vector<Variant> grid_points(const std::vector<GridAxis>& axes) {
  std::vector<Variant> points{Variant{}};
  for (const GridAxis& axis : axes) {
    std::vector<Variant> next;
    for (const Variant& point : points) {
      for (std::size_t v = 0; v < axis.values.size(); ++v) {
        Variant extended = point;
        const auto& [text, node] = axis.values[v];
        extended.name += (extended.name.empty() ? "" : ",") + axis.name + "=" + text;
        extended.overrides.push_back({axis.key + "=" + text, yaml::element_path(axis.path, v), node->where});
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  return points;
}

std::vector<Variant> read_variants(const Node& node) {
  std::vector<Variant> variants;
  for_each_entry(node, "variants", "expected plain variant names",
                 [&](const std::string& name, const Node& body, const std::string& path) {
                   // `name: {}` or `name:` is a variant that keeps the base scenario as it is.
                   variants.push_back(
                       {name, body.kind == Node::Kind::null ? std::vector<Override>{} : read_overrides(body, path)});
                 });
  if (variants.empty()) throw InputError(node.where, "variants", "no variants; expected a mapping of names to overrides");
  return variants;
}

std::vector<Variant> combine(std::vector<Variant> named, const std::vector<Variant>& grid) {
  if (grid.empty()) return named;
  if (named.empty()) return grid;
  std::vector<Variant> all;
  for (const Variant& variant : named) {
    for (const Variant& point : grid) {
      Variant both{variant.name + "," + point.name, variant.overrides};
      both.overrides.insert(both.overrides.end(), point.overrides.begin(), point.overrides.end());
      all.push_back(std::move(both));
    }
  }
  return all;
}

ExperimentSpec read_spec(std::string text, std::string name, const std::filesystem::path& base_dir) {
  const Node root = yaml::parse_yaml(text, name);
  if (root.kind == Node::Kind::null) throw InputError({name, 1, 1}, "", "the file is empty; expected an experiment spec");
  if (root.kind != Node::Kind::mapping) {
    throw InputError(root.where, "", "expected a mapping of experiment keys, got " + yaml::describe(root));
  }
  yaml::check_keys(root, "", kSpecKeys, {});
  ExperimentSpec spec;
  spec.source = name;
  spec.text = std::move(text);
  spec.name = std::filesystem::path(name).stem().string();
  if (const Node* node = root.find("name")) yaml::read_value(*node, "name", {}, spec.name);

  const Node* scenario = root.find("scenario");
  if (scenario == nullptr) throw InputError(root.where, "scenario", "missing; expected the base scenario's path");
  std::string scenario_path;
  yaml::read_value(*scenario, "scenario", {}, scenario_path);
  spec.scenario = (base_dir / scenario_path).lexically_normal();
  if (!std::filesystem::is_regular_file(spec.scenario)) {
    throw InputError(scenario->where, "scenario",
                     "cannot read scenario file '" + spec.scenario.string() + "'; paths are relative to the spec's folder");
  }

  std::vector<Override> global;
  if (const Node* node = root.find("set")) global = read_overrides(*node, "set");
  if (const Node* node = root.find("days")) {
    int days = 0;
    yaml::read_value(*node, "days", {.min = 1}, days);
    spec.days = days;
  }
  if (const Node* node = root.find("replications")) yaml::read_value(*node, "replications", {.min = 1}, spec.replications);
  if (const Node* node = root.find("seed")) {
    std::int64_t seed = 0;
    yaml::read_value(*node, "seed", {.min = 0}, seed);
    spec.seed = seed;
  }

  std::vector<Variant> named;
  if (const Node* node = root.find("variants")) named = read_variants(*node);
  const std::vector<std::string> named_names = variant_names(named);
  std::vector<Variant> grid;
  if (const Node* node = root.find("grid")) grid = grid_points(read_grid(*node));
  spec.variants = combine(std::move(named), grid);
  if (spec.variants.empty()) spec.variants.push_back({"base", {}});
  for (Variant& variant : spec.variants) variant.overrides.insert(variant.overrides.begin(), global.begin(), global.end());

  if (const Node* node = root.find("baseline")) {
    std::string baseline;
    yaml::read_value(*node, "baseline", {}, baseline);
    // A named variant stands for its first grid point when variants and a grid are combined.
    const std::vector<std::string> names = variant_names(spec.variants);
    const auto found = std::find_if(names.begin(), names.end(), [&](const std::string& candidate) {
      return candidate == baseline || (!grid.empty() && candidate.starts_with(baseline + ","));
    });
    if (found == names.end()) {
      const std::vector<std::string>& candidates = named_names.empty() ? names : named_names;
      const auto suggestion = closest_match(baseline, candidates);
      throw InputError(node->where, "baseline",
                       "'" + baseline + "' is not a variant; " +
                           (suggestion ? "did you mean '" + *suggestion + "'?" : "expected one of: " + listed(candidates)));
    }
    spec.baseline = static_cast<std::size_t>(found - names.begin());
  }
  if (const Node* node = root.find("kpis")) {
    yaml::read_value(*node, "kpis", {}, spec.kpis);
    spec.kpis_where = node->where;
    if (spec.kpis.empty()) throw InputError(node->where, "kpis", "the list is empty; expected KPI series names");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < spec.kpis.size(); ++i) {
      if (!seen.insert(spec.kpis[i]).second) {
        throw InputError(node->values[i].where, yaml::element_path("kpis", i), "'" + spec.kpis[i] + "' is listed twice");
      }
    }
  }
  if (const Node* node = root.find("maps")) {
    yaml::read_value(*node, "maps", {}, spec.maps);
    spec.maps_where = node->where;
    for (std::size_t i = 0; i < spec.maps.size(); ++i) {
      if (!spec.kpis.empty() && std::find(spec.kpis.begin(), spec.kpis.end(), spec.maps[i]) == spec.kpis.end()) {
        throw InputError(node->values[i].where, yaml::element_path("maps", i),
                         "'" + spec.maps[i] + "' is not among kpis; a map shows one of the compared KPIs");
      }
    }
  }
  return spec;
}

}  // namespace

std::vector<std::string> variant_names(const std::vector<Variant>& variants) {
  std::vector<std::string> names;
  for (const Variant& variant : variants) names.push_back(variant.name);
  return names;
}

ExperimentSpec load_experiment_spec(const std::filesystem::path& file) {
  std::optional<std::string> text = DiskScenarioFiles().read(file);
  if (!text) throw InputError({file.string(), 0, 0}, "", "cannot read experiment spec");
  return read_spec(std::move(*text), file.string(), file.parent_path());
}

ExperimentSpec load_experiment_spec_text(std::string_view yaml, std::string_view name,
                                         const std::filesystem::path& base_dir) {
  return read_spec(std::string(yaml), std::string(name), base_dir);
}

}  // namespace munisim
