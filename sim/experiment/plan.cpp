#include "sim/experiment/plan.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace munisim {
namespace {

bool names_override(const std::string& key_path, const Override& candidate) {
  const std::string key = candidate.assignment.substr(0, candidate.assignment.find('='));
  return key_path == candidate.assignment || key_path == key || key_path.starts_with(key + ".") ||
         key_path.starts_with(key + "[") || key.starts_with(key_path + ".");  // an unknown key on the way
}

// The loader places override mistakes at "--set"; the spec line that wrote the override is the place.
[[noreturn]] void relocate(const InputError& error, const Variant& variant) {
  if (error.where().file == "--set") {
    for (const Override& candidate : variant.overrides) {
      if (names_override(error.key_path(), candidate)) throw InputError(candidate.where, candidate.spec_path, error.problem());
    }
  }
  throw InputError(error.where(), error.key_path(), error.problem() + " (in variant '" + variant.name + "')");
}

ResolvedScenario load_variant(const ExperimentPlan& plan, std::size_t variant, std::vector<std::string> overrides) {
  try {
    return resolve_district_data(load_scenario(plan.spec.scenario, overrides));
  } catch (const InputError& error) {
    relocate(error, plan.spec.variants[variant]);
  }
}

WorldScenario load_world_variant(const ExperimentPlan& plan, std::size_t variant, const std::vector<std::string>& overrides) {
  try {
    return load_world(plan.spec.scenario, overrides);
  } catch (const InputError& error) {
    relocate(error, plan.spec.variants[variant]);
  }
}

std::vector<std::string> variant_overrides(const ExperimentPlan& plan, std::size_t variant) {
  std::vector<std::string> overrides;
  for (const Override& entry : plan.spec.variants[variant].overrides) overrides.push_back(entry.assignment);
  if (plan.spec.days) overrides.push_back("days=" + std::to_string(*plan.spec.days));
  overrides.insert(overrides.end(), plan.extra_overrides.begin(), plan.extra_overrides.end());
  return overrides;
}

}  // namespace

std::string PlannedRun::id() const { return fmt::format("{:04}", index); }

std::vector<std::string> run_overrides(const ExperimentPlan& plan, const PlannedRun& run) {
  std::vector<std::string> overrides = variant_overrides(plan, run.variant);
  overrides.push_back("seed=" + std::to_string(run.seed));
  return overrides;
}

ExperimentPlan plan_experiment(ExperimentSpec spec, std::vector<std::string> extra_overrides, WorldRunner world_runner) {
  ExperimentPlan plan;
  plan.spec = std::move(spec);
  plan.extra_overrides = std::move(extra_overrides);
  plan.world = is_world_scenario(plan.spec.scenario);
  if (!plan.world && !plan.spec.maps.empty()) {
    throw InputError(plan.spec.maps_where, "maps",
                     "maps are drawn by municipality, for an experiment whose scenario is a world (a file with "
                     "`cities:`); '" + plan.spec.scenario.string() + "' is a city scenario");
  }
  if (plan.world) {
    if (!world_runner.run || !world_runner.kpi_names) {
      throw std::logic_error("an experiment of a world needs a WorldRunner (sim/world/world_experiment.hpp)");
    }
    plan.world_runner = std::move(world_runner);
    const WorldScenario baseline = load_world_variant(plan, plan.spec.baseline, variant_overrides(plan, plan.spec.baseline));
    plan.first_seed = plan.spec.seed.value_or(baseline.config.seed);
  } else {
    const ResolvedScenario baseline = load_variant(plan, plan.spec.baseline, variant_overrides(plan, plan.spec.baseline));
    plan.first_seed = plan.spec.seed.value_or(baseline.scenario.config.seed);
  }
  for (std::size_t variant = 0; variant < plan.spec.variants.size(); ++variant) {
    for (int replication = 0; replication < plan.spec.replications; ++replication) {
      plan.runs.push_back({plan.runs.size(), variant, replication, plan.first_seed + replication});
    }
  }
  for (std::size_t variant = 0; variant < plan.spec.variants.size(); ++variant) {
    // Replication 0 of each variant stands for all of them: they differ only in the seed.
    const std::vector<std::string> overrides = run_overrides(plan, plan.runs[variant * plan.spec.replications]);
    if (plan.world) {
      WorldScenario loaded = load_world_variant(plan, variant, overrides);
      if (variant == plan.spec.baseline) plan.world_baseline = std::move(loaded);
      continue;
    }
    ResolvedScenario loaded = load_variant(plan, variant, overrides);
    if (variant == plan.spec.baseline) plan.baseline = std::move(loaded);
  }
  return plan;
}

ResolvedScenario run_scenario(const ExperimentPlan& plan, const PlannedRun& run) {
  return load_variant(plan, run.variant, run_overrides(plan, run));
}

WorldScenario run_world(const ExperimentPlan& plan, const PlannedRun& run) {
  return load_world_variant(plan, run.variant, run_overrides(plan, run));
}

std::string run_resolved_yaml(const ExperimentPlan& plan, const PlannedRun& run) {
  return plan.world ? run_world(plan, run).resolved_yaml : run_scenario(plan, run).scenario.resolved_yaml();
}

}  // namespace munisim
