// Governance: the municipality's departments, its citizens' satisfaction, trust and complaints, and
// its books. It reads what the services publish (waste.districts, waste.city, mobility.day) the same
// day and directs the waste service for the next day through waste.directives. Balances (checked by
// tests): complaints filed = answered + open + escalated; cash(end) = cash(start) + revenues -
// spending.
#pragma once

#include <cstdint>

#include "sim/city/city.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/governance/governance_config.hpp"

namespace munisim {

// Registers governance's series and systems after the services'. City, config and metrics must
// outlive the run. `mobility` says whether a mobility service publishes its day; `parallel` serves
// the first count of citizens' opinions.
void register_governance(Scheduler& scheduler, MetricsRegistry& metrics, Channels& channels, const City& city,
                         const GovernanceConfig& config, bool mobility, Parallelism& parallel);

}  // namespace munisim
