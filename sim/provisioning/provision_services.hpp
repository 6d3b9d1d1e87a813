// Gives a city built from the national tables (city.ubigeo) its services by the rules of
// docs/provisioning.md: depot, disposal site, collection days and fleet, the number of bus lines,
// the departments' budgets and staff, national transfers and opening cash. A key the scenario
// writes itself (scenario.gives) is kept, and the record says so.
#pragma once

#include <cstddef>

#include "sim/provisioning/budget_tables.hpp"
#include "sim/provisioning/provision_record.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {

struct ProvisioningPlan {
  ProvisionRecords records;
  std::size_t seat = 0;  // index of the seat district in city.districts
  int bus_lines = 0;     // routes add_generated_lines lays out once the streets exist
};

// Does nothing (an empty plan) unless city.ubigeo is set, city.provisioning.enabled and the
// districts are filled in.
[[nodiscard]] ProvisioningPlan provision_services(Scenario& scenario, const BudgetTables& budgets);

}  // namespace munisim
