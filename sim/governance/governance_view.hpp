// What users (Python, C++ tools) may read of a running governance layer besides its series: every
// citizen's satisfaction and trust, and every complaint ticket with its fate.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/governance/governance_config.hpp"

namespace munisim {

// One column per ticket field, in filing order.
struct TicketTable {
  std::vector<std::uint32_t> citizen, district;
  std::vector<std::uint8_t> kind, channel, gender, income_group, state, department;  // state: 0 open, 1 answered,
                                                                                      // 2 escalated
  std::vector<float> weight;
  std::vector<std::int32_t> filed_day, closed_day;  // closed_day -1 while open
};

class GovernanceView {
 public:
  virtual ~GovernanceView() = default;
  // Per citizen row, in [0, 1]; `service` indexes kJudgedServiceNames.
  [[nodiscard]] virtual std::span<const float> satisfaction(std::size_t service) const = 0;
  [[nodiscard]] virtual std::span<const float> trust() const = 0;
  [[nodiscard]] virtual TicketTable tickets() const = 0;
};

}  // namespace munisim
