// How a new complaint reaches the department that must answer it. Two paths can delay it:
// - the wrong door: without a one-stop service, a complaint made in person or by phone reaches an
//   office chosen by the citizen, which is the wrong one with `wrong_door_probability`;
// - manual triage: without automatic routing, the front office needs `triage_days` and sends the
//   complaint to a wrong department with `misrouting_probability`.
// A wrong department passes the complaint on when it gets to it (TicketOffice), after forward_days.
#pragma once

#include "sim/core/calendar.hpp"
#include "sim/core/rng.hpp"
#include "sim/governance/tickets.hpp"

namespace munisim {

struct RoutingSwitches {
  bool one_stop_service = false;
  bool automatic_routing = false;
};

[[nodiscard]] Routing route_ticket(const Ticket& ticket, RoutingSwitches switches, const ComplaintsConfig& config,
                                   RandomStream& stream);

// The last day a complaint filed on `filed_day` may stay open: the Libro de Reclamaciones counts
// business days (Monday to Friday), other channels calendar days.
[[nodiscard]] int answer_deadline_day(const Ticket& ticket, const Calendar& calendar, const ComplaintsConfig& config);

}  // namespace munisim
