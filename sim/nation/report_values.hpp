// A report's value by the name a goal or the learning network's success KPI gives it
// (kGoalIndicatorNames; the config's choices ensure it is one of them).
#pragma once

#include <string>

#include "sim/nation/exchange.hpp"

namespace munisim::nation {

[[nodiscard]] inline double report_value(const MunicipalityReport& report, const std::string& indicator) {
  if (indicator == "separation_coverage") return report.separation_coverage;
  if (indicator == "complaint_response_days") return report.complaint_response_days;
  if (indicator == "satisfaction") return report.satisfaction;
  return report.budget_execution;
}

}  // namespace munisim::nation
