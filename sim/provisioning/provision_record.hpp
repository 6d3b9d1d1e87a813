// One use of a provisioning rule, as /meta/provisioning records it: which rule, for which city or
// municipality, from what, giving what, on whose authority, and whether the scenario's own key won.
#pragma once

#include <string>
#include <vector>

namespace munisim {

struct ProvisionRecord {
  std::string rule;          // e.g. "fleet"
  std::string municipality;  // the ubigeo it was applied for, or "city" for the whole city
  std::string inputs;        // "name=value; ..." with units
  std::string result;        // what the rule gives
  std::string source;        // FACTS.md section, table file, or [EST]
  std::string status;        // "applied", or "kept <key>: the scenario gives it"
};

using ProvisionRecords = std::vector<ProvisionRecord>;

}  // namespace munisim
