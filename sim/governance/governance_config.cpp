#include "sim/governance/governance_config.hpp"

#include <algorithm>

#include "sim/core/list_checks.hpp"
#include "sim/mobility/mobility_measures.hpp"
#include "sim/waste/waste_measures.hpp"

namespace munisim {

void ComplaintsConfig::check(schema::Checks& checks) const {
  if (schema::check_count(checks, "kind_shares", kind_shares, kTicketKinds, "waste, transport, other")) {
    schema::check_sum(checks, "kind_shares", kind_shares, 1);
  }
  schema::check_count(checks, "income_factor", income_factor, 3, "low, middle, high");
  schema::check_count(checks, "gender_factor", gender_factor, 2, "female, male");
  schema::check_count(checks, "age_factor", age_factor, 5, "0-14, 15-29, 30-44, 45-64, 65+");
  if (schema::check_count(checks, "channel_shares", channel_shares, kComplaintChannels,
                          "in_person, phone, web, app, libro_reclamaciones")) {
    schema::check_sum(checks, "channel_shares", channel_shares, 1);
  }
}

WasteMeasureConfig PlanEntryConfig::waste_measure(Date start) const {
  return {.kind = kind, .start_date = start, .value = value, .site = site, .districts = districts};
}

MobilityMeasureConfig PlanEntryConfig::mobility_measure(Date start) const {
  MobilityMeasureConfig measure;
  measure.kind = kind;
  measure.start_date = start;
  measure.value = value;
  measure.lines = lines;
  measure.districts = districts;
  return measure;
}

// The plan's measure must be one its service knows, checked by that service's own rules.
void PlanEntryConfig::check(schema::Checks& checks) const {
  const auto expect_kind = [&](auto kinds) {
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return true;
    std::string allowed;
    for (std::string_view known : kinds) allowed += (allowed.empty() ? "" : ", ") + std::string(known);
    checks.fail("kind", "'" + kind + "' is not a " + service + " measure; expected one of " + allowed);
    return false;
  };
  if (service == "waste") {
    if (expect_kind(waste::kMeasureKinds)) waste_measure(earliest_date).check(checks);
    return;
  }
  if (kind == mobility::TrunkLine::kind) {
    checks.fail("kind", "a trunk_line cannot be adopted during a run; give it in mobility.measures");
    return;
  }
  if (expect_kind(mobility::kMeasureKinds)) mobility_measure(earliest_date).check(checks);
}

}  // namespace munisim
