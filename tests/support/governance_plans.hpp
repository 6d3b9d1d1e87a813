// Plans the governance tests adopt or refuse.
#pragma once

namespace munisim::testing {

// Electric trucks for the whole fleet, dearer than the waste department's S/ 2 M budget.
inline constexpr const char* kDearPlan =
    "governance.plan=[{name: electric trucks, department: waste, cost_soles: 2500000, service: waste, "
    "kind: electric_share, value: 1}]";

}  // namespace munisim::testing
