// Governance: the municipality's departments, its citizens' satisfaction, trust and complaints, and
// its books. It reads what the services publish (waste.districts, waste.city, mobility.day) the same
// day and directs the waste service for the next day through waste.directives. Balances (checked by
// tests): complaints filed = answered + open + escalated; cash(end) = cash(start) + revenues -
// spending.
#pragma once

#include <cstdint>
#include <memory>

#include "sim/city/city.hpp"
#include "sim/core/registration.hpp"
#include "sim/governance/governance_config.hpp"
#include "sim/governance/governance_view.hpp"

namespace munisim {

// Registers governance's series and systems after the services'. City and config must outlive the
// run. `mobility` says whether a mobility service publishes its day. The view reads the layer's
// state as the run goes on.
std::shared_ptr<const GovernanceView> register_governance(Registration& registration, const City& city, const GovernanceConfig& config,
                         bool mobility);

}  // namespace munisim
