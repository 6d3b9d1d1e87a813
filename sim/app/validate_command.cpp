#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/model/district_data.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim::app {

int validate_command(const std::string& scenario, const std::vector<std::string>& overrides, bool print_resolved) {
  // Districts named by ubigeo are looked up too, so a code that matches nothing fails here.
  const Scenario loaded = resolve_district_data(load_scenario(scenario, overrides)).scenario;
  // With --print, stdout is the resolved YAML alone.
  check_memory_estimate(loaded, print_resolved ? stderr : stdout);
  if (print_resolved) {
    std::fputs(loaded.resolved_yaml.c_str(), stdout);
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
