// Districts named by ubigeo are filled in from the national tables before the city is built.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace munisim {

struct ResolvedScenario {
  Scenario scenario;
  std::vector<std::string> data_notes;  // sources and fill rules, recorded in /meta
};

// The data folder: the scenario's data_dir (relative to its file), else MUNISIM_DATA_DIR.
// Scenarios without city.ubigeo pass through unchanged.
[[nodiscard]] ResolvedScenario resolve_district_data(Scenario scenario);

}  // namespace munisim
