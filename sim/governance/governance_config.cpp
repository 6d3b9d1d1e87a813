#include "sim/governance/governance_config.hpp"

#include "sim/scenario/list_checks.hpp"

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

}  // namespace munisim
