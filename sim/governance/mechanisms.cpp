#include "sim/governance/mechanisms.hpp"

#include <algorithm>

#include "sim/core/error.hpp"

namespace munisim {

Mechanism mechanism_from_name(std::string_view name) {
  const auto found = std::find(kMechanismNames.begin(), kMechanismNames.end(), name);
  if (found == kMechanismNames.end()) throw Error("unknown mechanism '" + std::string(name) + "'");
  return static_cast<Mechanism>(found - kMechanismNames.begin());
}

MechanismSchedule::MechanismSchedule(const GovernanceConfig& config, const Calendar& calendar) {
  const bool integrated = config.model == "integrated";
  for (auto& switches : switches_) switches.push_back({0, integrated});
  const long first_day = calendar.start().days_since_epoch();
  for (const MechanismConfig& entry : config.mechanisms) {
    const int day = static_cast<int>(std::max(0L, entry.start_date.days_since_epoch() - first_day));
    switches_[mechanism_from_name(entry.kind)].push_back({day, entry.enabled});
  }
  // Later dates win; on the same date the entry given last wins (stable sort keeps scenario order).
  for (auto& switches : switches_) {
    std::stable_sort(switches.begin(), switches.end(), [](Switch a, Switch b) { return a.day < b.day; });
  }
}

bool MechanismSchedule::on(Mechanism mechanism, int day) const {
  bool enabled = false;
  for (const Switch& entry : switches_[mechanism]) {
    if (entry.day > day) break;
    enabled = entry.enabled;
  }
  return enabled;
}

}  // namespace munisim
