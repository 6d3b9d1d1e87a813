// When each mechanism of integrated management is in force: the model sets every switch on the
// first day (integrated: on, siloed: off), and the scenario's mechanism entries switch single ones
// on or off from their dates.
#pragma once

#include <array>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/governance/governance_config.hpp"

namespace munisim {

class MechanismSchedule {
 public:
  MechanismSchedule(const GovernanceConfig& config, const Calendar& calendar);

  [[nodiscard]] bool on(Mechanism mechanism, int day) const;

 private:
  struct Switch {
    int day;
    bool enabled;
  };
  std::array<std::vector<Switch>, kMechanisms> switches_;  // per mechanism, by day, in scenario order
};

// The mechanism named `name` (one of kMechanismNames).
[[nodiscard]] Mechanism mechanism_from_name(std::string_view name);

}  // namespace munisim
