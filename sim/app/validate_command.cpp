#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/model/district_data.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/app/run_to_end.hpp"
#include "sim/world/municipalities.hpp"

namespace munisim::app {

namespace {

// Every municipality is expanded and resolved, so an unknown ubigeo or a city on another calendar
// fails here.
int validate_world(const std::string& scenario, const std::vector<std::string>& overrides, bool print_resolved) {
  const WorldScenario world = load_world(scenario, overrides);
  const std::vector<WorldMunicipality> municipalities = expand_municipalities(world, thread_count(0));
  if (print_resolved) {
    std::fputs(world.resolved_yaml.c_str(), stdout);
  } else {
    std::printf("%s: ok (world '%s', %zu municipalities, %lld days)\n", scenario.c_str(), world.config.name.c_str(),
                municipalities.size(), static_cast<long long>(world.config.days));
  }
  return kExitOk;
}

}  // namespace

int validate_command(const std::string& scenario, const std::vector<std::string>& overrides, bool print_resolved) {
  if (is_world_scenario(scenario)) return validate_world(scenario, overrides, print_resolved);
  // Districts named by ubigeo are looked up too, so a code that matches nothing fails here.
  const Scenario loaded = resolve_district_data(load_scenario(scenario, overrides)).scenario;
  // With --print, stdout is the resolved YAML alone.
  check_memory_estimate(loaded, print_resolved ? stderr : stdout);
  if (print_resolved) {
    std::fputs(loaded.resolved_yaml().c_str(), stdout);
  } else {
    std::printf("%s: ok (scenario '%s', %zu districts, %lld days)\n", scenario.c_str(), loaded.config.name.c_str(),
                loaded.config.city.districts.size(), static_cast<long long>(loaded.config.days));
  }
  return kExitOk;
}

int reference_command() {
  std::fputs(scenario_reference_markdown().c_str(), stdout);
  return kExitOk;
}

}  // namespace munisim::app
