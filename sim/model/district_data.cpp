#include "sim/model/district_data.hpp"

#include <cstdlib>
#include <filesystem>

#include "sim/core/error.hpp"
#include "sim/data/national_tables.hpp"
#include "sim/provisioning/budget_tables.hpp"

namespace munisim {
std::filesystem::path named_data_dir(const Scenario& scenario) {
  if (!scenario.config.data_dir.empty()) {
    const std::filesystem::path given = scenario.config.data_dir;
    const std::filesystem::path file = scenario.source;
    const bool from_file = std::filesystem::exists(file) && !given.is_absolute();
    return (from_file ? file.parent_path() / given : given).lexically_normal();
  }
  if (const char* environment = std::getenv("MUNISIM_DATA_DIR"); environment != nullptr && *environment != '\0') {
    return environment;
  }
  return {};
}

namespace {

std::filesystem::path data_dir_for(const Scenario& scenario) {
  std::filesystem::path dir = named_data_dir(scenario);
  if (dir.empty()) {
    throw InputError({scenario.source, 0, 0}, "data_dir",
                     "city.ubigeo needs the national tables; set data_dir in the scenario, --data-dir, or "
                     "the MUNISIM_DATA_DIR environment variable");
  }
  return dir;
}

}  // namespace

ResolvedScenario resolve_district_data(Scenario scenario) {
  if (scenario.config.city.ubigeo.empty()) return {std::move(scenario), {}, {}};
  const std::filesystem::path dir = data_dir_for(scenario);
  const NationalTables tables = NationalTables::load(dir);
  const bool provisioned = scenario.config.city.provisioning.enabled;
  return resolve_district_data(std::move(scenario), tables,
                               provisioned ? BudgetTables::load(dir) : BudgetTables({}, {}));
}

ResolvedScenario resolve_district_data(Scenario scenario, const NationalTables& tables, const BudgetTables& budgets) {
  ResolvedScenario resolved{std::move(scenario), {}, {}};
  CityConfig& city = resolved.scenario.config.city;
  if (city.ubigeo.empty()) return resolved;
  TableDistricts districts = tables.districts(city.ubigeo);
  city.districts = std::move(districts.districts);
  if (city.name.empty()) city.name = city.ubigeo;
  resolved.data_notes = std::move(districts.notes);
  resolved.provisioning = provision_services(resolved.scenario, budgets);
  return resolved;
}

}  // namespace munisim
