#include "sim/governance/routing.hpp"

#include <cmath>

namespace munisim {
namespace {

// Departments that answer complaints; a wrong one is drawn among the others.
constexpr std::array<Department, kTicketKinds> kAnswering = {kWasteDept, kTransportDept, kCitizenDept};

Department wrong_department(Department right, double draw) {
  std::array<Department, kTicketKinds - 1> others{};
  std::size_t n = 0;
  for (Department dept : kAnswering) {
    if (dept != right) others[n++] = dept;
  }
  return others[std::min(n - 1, static_cast<std::size_t>(draw * static_cast<double>(n)))];
}

}  // namespace

Routing route_ticket(const Ticket& ticket, RoutingSwitches switches, const ComplaintsConfig& config,
                     RandomStream& stream) {
  const Department right = responsible_department(ticket.kind);
  // Every draw is made whatever the switches, so switching one path leaves the others' draws alone.
  const double door = stream.uniform(), door_which = stream.uniform();
  const double triage = stream.uniform(), triage_which = stream.uniform();
  const bool at_a_door = ticket.channel == kInPerson || ticket.channel == kPhone;
  if (at_a_door && !switches.one_stop_service && door < config.wrong_door_probability) {
    return {wrong_department(right, door_which), ticket.filed_day};
  }
  if (switches.automatic_routing) return {right, ticket.filed_day};
  const int arrival = ticket.filed_day + static_cast<int>(std::lround(config.triage_days));
  if (triage < config.misrouting_probability) return {wrong_department(right, triage_which), arrival};
  return {right, arrival};
}

int answer_deadline_day(const Ticket& ticket, const Calendar& calendar, const ComplaintsConfig& config) {
  if (ticket.channel != kLibro) return ticket.filed_day + static_cast<int>(std::lround(config.abandon_after_days));
  int day = ticket.filed_day;
  for (auto business = std::lround(config.libro_deadline_business_days); business > 0;) {
    ++day;
    const Weekday weekday = calendar.weekday(day);
    if (weekday != Weekday::saturday && weekday != Weekday::sunday) --business;
  }
  return day;
}

}  // namespace munisim
