#include "sim/governance/routing.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

Ticket ticket_of(ComplaintChannel channel, TicketKind kind = kWasteTicket) {
  Ticket ticket;
  ticket.channel = channel;
  ticket.kind = kind;
  ticket.filed_day = 10;
  return ticket;
}

// Share of `n` tickets routed first to a department that does not answer them, and mean arrival delay.
std::pair<double, double> route_many(const Ticket& ticket, RoutingSwitches switches, const ComplaintsConfig& config,
                                     int n = 20000) {
  int wrong = 0;
  double delay = 0;
  for (int i = 0; i < n; ++i) {
    RandomStream stream(7, static_cast<std::uint64_t>(i), 0, 1);
    const Routing routing = route_ticket(ticket, switches, config, stream);
    wrong += routing.first != responsible_department(ticket.kind) ? 1 : 0;
    delay += routing.arrival_day - ticket.filed_day;
  }
  return {static_cast<double>(wrong) / n, delay / n};
}

TEST(Routing, AutomaticRoutingAndOneStopReachTheRightDepartmentTheSameDay) {
  const ComplaintsConfig config;
  for (ComplaintChannel channel : {kInPerson, kPhone, kWeb, kApp, kLibro}) {
    const auto [wrong, delay] = route_many(ticket_of(channel), {true, true}, config, 2000);
    EXPECT_EQ(wrong, 0.0);
    EXPECT_EQ(delay, 0.0);
  }
}

TEST(Routing, ManualTriageDelaysAndMisroutesAtItsRate) {
  ComplaintsConfig config;
  config.triage_days = 2;
  config.misrouting_probability = 0.15;
  const auto [wrong, delay] = route_many(ticket_of(kWeb), {true, false}, config);
  EXPECT_NEAR(wrong, 0.15, 0.01);
  EXPECT_EQ(delay, 2.0);
}

TEST(Routing, WrongDoorOnlyWithoutOneStopAndOnlyInPersonOrByPhone) {
  ComplaintsConfig config;
  config.wrong_door_probability = 0.3;
  EXPECT_NEAR(route_many(ticket_of(kInPerson), {false, true}, config).first, 0.3, 0.01);
  EXPECT_NEAR(route_many(ticket_of(kPhone), {false, true}, config).first, 0.3, 0.01);
  EXPECT_EQ(route_many(ticket_of(kApp), {false, true}, config).first, 0.0);
  EXPECT_EQ(route_many(ticket_of(kInPerson), {true, true}, config).first, 0.0);
}

TEST(Routing, LibroDeadlineCountsBusinessDays) {
  const Calendar calendar(Date{2025, 1, 1});  // a Wednesday
  ComplaintsConfig config;
  config.libro_deadline_business_days = 30;
  config.abandon_after_days = 60;
  Ticket libro = ticket_of(kLibro);
  libro.filed_day = 0;
  // 30 business days from Wednesday 1 January 2025 end on Wednesday 12 February: 42 calendar days.
  EXPECT_EQ(answer_deadline_day(libro, calendar, config), 42);
  Ticket phone = ticket_of(kPhone);
  phone.filed_day = 0;
  EXPECT_EQ(answer_deadline_day(phone, calendar, config), 60);
}

}  // namespace
}  // namespace munisim
