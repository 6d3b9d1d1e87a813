// Worlds as the base scenario of an experiment (docs/experiments.md, "Experiments of a world"):
// each run is the whole world in this process, and what the experiment keeps of it is every
// municipality's KPIs with the rule that adds them up (sim/experiment/world_values.hpp).
#pragma once

#include "sim/experiment/plan.hpp"
#include "sim/experiment/world_values.hpp"
#include "sim/world/world.hpp"

namespace munisim {

// What plan_experiment needs to run worlds.
[[nodiscard]] WorldRunner world_runner();

// Every municipality's KPIs after `world` ran (on one process): each city's KPIs (a series' total
// summed over municipalities; a share or a mean per day averaged) and the nation's per municipality:
// soles received by mechanism, goals attained, tonnes of CO2e avoided and satisfaction gained
// against its baseline days, and their ratios per million soles (docs/nation.md).
[[nodiscard]] WorldRunValues municipality_values(const World& world);

}  // namespace munisim
