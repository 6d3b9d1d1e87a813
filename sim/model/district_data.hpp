// Districts named by ubigeo are filled in from the national tables before the city is built.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace munisim {

struct ResolvedScenario {
  Scenario scenario;
  std::vector<std::string> data_notes;  // sources and fill rules, recorded in /meta
};

// The data folder named by the scenario's data_dir (relative to its file), else by the
// MUNISIM_DATA_DIR environment variable; empty when neither names one. It may not exist.
[[nodiscard]] std::filesystem::path named_data_dir(const Scenario& scenario);

// Scenarios without city.ubigeo pass through unchanged.
[[nodiscard]] ResolvedScenario resolve_district_data(Scenario scenario);

}  // namespace munisim
