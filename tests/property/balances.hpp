// What must hold in every run of any valid scenario: each day tonnes, soles, people and complaint
// tickets balance, and 1 and 2 threads give bit-identical series. Each broken rule is one message.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace munisim::property {

[[nodiscard]] std::vector<std::string> broken_rules(const Scenario& scenario);

}  // namespace munisim::property
