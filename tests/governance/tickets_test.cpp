#include "sim/governance/tickets.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

Ticket ticket_of(TicketKind kind, int filed_day, int deadline_day, float weight = 1) {
  Ticket ticket;
  ticket.kind = kind;
  ticket.filed_day = filed_day;
  ticket.deadline_day = deadline_day;
  ticket.weight = weight;
  return ticket;
}

std::array<double, kDepartments> capacity_of(Department dept, double complaints) {
  std::array<double, kDepartments> capacity{};
  capacity[dept] = complaints;
  return capacity;
}

void expect_balanced(const TicketOffice& office) {
  EXPECT_EQ(office.filed(), office.resolved() + office.open() + office.escalated());
}

TEST(TicketOffice, AnswersOldestArrivalsFirstWithinCapacity) {
  TicketOffice office(3);
  office.file(ticket_of(kWasteTicket, 0, 100), {kWasteDept, 2});
  office.file(ticket_of(kWasteTicket, 0, 100), {kWasteDept, 0});
  office.file(ticket_of(kWasteTicket, 0, 100), {kWasteDept, 1});
  const auto first = office.handle_day(1, capacity_of(kWasteDept, 1));
  ASSERT_EQ(first.answered.size(), 1u);
  EXPECT_EQ(first.answered[0].ticket, 1u);  // arrived on day 0
  const auto second = office.handle_day(2, capacity_of(kWasteDept, 5));
  ASSERT_EQ(second.answered.size(), 2u);
  EXPECT_EQ(second.answered[0].ticket, 2u);
  EXPECT_EQ(second.answered[0].days, 2);
  EXPECT_EQ(second.answered[1].ticket, 0u);
  expect_balanced(office);
}

TEST(TicketOffice, WrongDepartmentPassesTheTicketOnAfterForwardDays) {
  TicketOffice office(3);
  office.file(ticket_of(kTransportTicket, 0, 100), {kWasteDept, 0});
  std::array<double, kDepartments> capacity{};
  capacity.fill(10);
  const auto day0 = office.handle_day(0, capacity);
  EXPECT_TRUE(day0.answered.empty());
  EXPECT_EQ(day0.forwarded_weight[kWasteDept], 1.0);
  EXPECT_EQ(office.open_weight()[kTransportDept], 1.0);
  EXPECT_TRUE(office.handle_day(2, capacity).answered.empty());  // forwarded on day 0, arrives on day 3
  const auto day3 = office.handle_day(3, capacity);
  ASSERT_EQ(day3.answered.size(), 1u);
  EXPECT_EQ(day3.answered[0].days, 3);
  expect_balanced(office);
}

TEST(TicketOffice, EscalatesTicketsOpenPastTheirDeadline) {
  TicketOffice office(1);
  office.file(ticket_of(kOtherTicket, 0, 5), {kCitizenDept, 0});
  office.file(ticket_of(kOtherTicket, 0, 9), {kCitizenDept, 0});
  for (int day = 0; day <= 5; ++day) EXPECT_TRUE(office.handle_day(day, {}).escalated.empty());
  const auto day6 = office.handle_day(6, {});
  ASSERT_EQ(day6.escalated.size(), 1u);
  EXPECT_EQ(day6.escalated[0], 0u);
  EXPECT_EQ(office.escalated(), 1u);
  EXPECT_EQ(office.open(), 1u);
  expect_balanced(office);
  // An escalated ticket is never answered afterwards.
  const auto day7 = office.handle_day(7, capacity_of(kCitizenDept, 10));
  ASSERT_EQ(day7.answered.size(), 1u);
  EXPECT_EQ(day7.answered[0].ticket, 1u);
  expect_balanced(office);
}

TEST(TicketOffice, TicketHeavierThanADaysCapacityIsFinishedOverSeveralDays) {
  TicketOffice office(1);
  office.file(ticket_of(kWasteTicket, 0, 100, 10), {kWasteDept, 0});
  for (int day = 0; day < 3; ++day) EXPECT_TRUE(office.handle_day(day, capacity_of(kWasteDept, 3)).answered.empty());
  EXPECT_EQ(office.handle_day(3, capacity_of(kWasteDept, 3)).answered.size(), 1u);  // 4 days x 3 >= 10
}

// The open weight by holder, as a fresh sum over the open tickets in filing order.
std::array<double, kDepartments> summed_open_weight(const TicketOffice& office) {
  std::array<double, kDepartments> weight{};
  for (std::uint32_t number = 0; number < office.filed(); ++number) {
    if (office.state(number) == TicketOffice::State::open) weight[office.holder(number)] += office.ticket(number).weight;
  }
  return weight;
}

// The open weight by holder is the sum over the tickets still open, bit for bit, after days of
// answers, forwards and escalations and after new filings.
TEST(TicketOffice, OpenWeightIsTheFreshSumAfterEveryDayAndFiling) {
  TicketOffice office(2);
  const TicketKind kinds[] = {kWasteTicket, kTransportTicket, kOtherTicket};
  std::array<double, kDepartments> capacity{};
  capacity.fill(2.5);
  for (int day = 0; day < 30; ++day) {
    for (int k = 0; k < 7; ++k) {
      const int n = day * 7 + k;
      const auto weight = static_cast<float>(0.37 + 1.3 * (n % 5));
      office.file(ticket_of(kinds[n % 3], day, day + 4 + n % 6, weight),
                  {static_cast<Department>((n / 3) % kDepartments), day + n % 2});
      if (k == 3) {
        EXPECT_EQ(office.open_weight(), summed_open_weight(office)) << "after a filing on day " << day;
      }
    }
    office.handle_day(day, capacity);
    EXPECT_EQ(office.open_weight(), summed_open_weight(office)) << "day " << day;
  }
  EXPECT_GT(office.resolved(), 0u);
  EXPECT_GT(office.escalated(), 0u);
  EXPECT_GT(office.open(), 0u);
}

}  // namespace
}  // namespace munisim
