// Districts named by ubigeo are filled in from the national tables before the city is built.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/provisioning/provision_services.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {

class BudgetTables;
class NationalTables;

struct ResolvedScenario {
  Scenario scenario;
  std::vector<std::string> data_notes;  // sources and fill rules, recorded in /meta
  ProvisioningPlan provisioning;        // the services given by rule, recorded in /meta/provisioning
};

// The data folder named by the scenario's data_dir (relative to its file), else by the
// MUNISIM_DATA_DIR environment variable; empty when neither names one. It may not exist.
[[nodiscard]] std::filesystem::path named_data_dir(const Scenario& scenario);

// Scenarios without city.ubigeo pass through unchanged; with it, the districts come from the
// national tables and the city's services from the provisioning rules (docs/provisioning.md).
[[nodiscard]] ResolvedScenario resolve_district_data(Scenario scenario);
// The same with tables already read, for building many cities.
[[nodiscard]] ResolvedScenario resolve_district_data(Scenario scenario, const NationalTables& tables,
                                                     const BudgetTables& budgets);

}  // namespace munisim
