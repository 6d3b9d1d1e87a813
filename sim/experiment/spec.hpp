// An experiment spec (YAML, docs/experiments.md): a base scenario, overrides for every run, named
// variants and parameter grids, replications with seeds shared across variants, a baseline and
// the KPIs to compare. Errors are InputErrors located in the spec like the scenario loader's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {

// One `key.path=value` in the loader's --set syntax, and where the spec wrote it.
struct Override {
  std::string assignment;  // "governance.model=integrated"
  std::string spec_path;   // "variants.integrated.governance.model", for messages
  SourceLocation where;
};

struct Variant {
  std::string name;
  std::vector<Override> overrides;  // the spec's global `set:` first, then the variant's own
};

struct ExperimentSpec {
  std::string name;                // `name:`, else the spec file's stem
  std::string source;              // the spec's path, or the name given to text input
  std::string text;                // the spec as written
  std::filesystem::path scenario;  // the base scenario, resolved against the spec's folder
  std::vector<Variant> variants;   // named variants x grid points, in the spec's order
  std::size_t baseline = 0;        // index into variants
  int replications = 1;
  std::optional<std::int64_t> seed;  // replication i runs with seed + i; none: the scenario's seed
  std::optional<int> days;
  std::vector<std::string> kpis;  // empty: every KPI of the baseline's runs
  SourceLocation kpis_where;
  std::vector<std::string> maps;  // an experiment of a world: KPIs mapped by municipality in the report
  SourceLocation maps_where;
};

[[nodiscard]] ExperimentSpec load_experiment_spec(const std::filesystem::path& file);
// `name` stands for the file in messages; `base_dir` resolves `scenario:`.
[[nodiscard]] ExperimentSpec load_experiment_spec_text(std::string_view yaml, std::string_view name,
                                                      const std::filesystem::path& base_dir);

// The variants' names, in spec order.
[[nodiscard]] std::vector<std::string> variant_names(const std::vector<Variant>& variants);

}  // namespace munisim
