#include "sim/governance/tickets.hpp"

#include <algorithm>

namespace munisim {

std::uint32_t TicketOffice::file(const Ticket& ticket, Routing routing) {
  const auto number = static_cast<std::uint32_t>(tickets_.size());
  tickets_.push_back(ticket);
  state_.push_back(State::open);
  closed_day_.push_back(-1);
  holder_.push_back(routing.first);
  queues_[routing.first].push({routing.arrival_day, number});
  open_list_.push_back(number);
  ++open_;
  return number;
}

TicketOffice::DayOutcome TicketOffice::handle_day(int day, const std::array<double, kDepartments>& capacity) {
  DayOutcome outcome;
  for (std::size_t dept = 0; dept < kDepartments; ++dept) {
    Queue& queue = queues_[dept];
    double left = capacity[dept] + carried_capacity_[dept];
    carried_capacity_[dept] = 0;
    while (!queue.empty() && queue.top().day <= day) {
      const std::uint32_t number = queue.top().ticket;
      if (state_[number] != State::open) {  // escalated while waiting
        queue.pop();
        continue;
      }
      const Ticket& ticket = tickets_[number];
      if (left < ticket.weight) {
        // A ticket heavier than what is left is started today and finished on a later day.
        carried_capacity_[dept] = left;
        break;
      }
      left -= ticket.weight;
      queue.pop();
      const Department owner = responsible_department(ticket.kind);
      if (owner != dept) {
        holder_[number] = owner;
        queues_[owner].push({day + forward_days_, number});
        outcome.forwarded_weight[dept] += ticket.weight;
        continue;
      }
      state_[number] = State::answered;
      closed_day_[number] = day;
      --open_;
      ++resolved_;
      outcome.answered.push_back({number, day - ticket.filed_day});
    }
  }
  std::erase_if(open_list_, [&](std::uint32_t number) {
    if (state_[number] != State::open) return true;
    if (tickets_[number].deadline_day >= day) return false;
    state_[number] = State::escalated;
    closed_day_[number] = day;
    --open_;
    ++escalated_;
    outcome.escalated.push_back(number);
    return true;
  });
  return outcome;
}

std::array<double, kDepartments> TicketOffice::open_weight() const {
  std::array<double, kDepartments> weight{};
  for (std::uint32_t number : open_list_) weight[holder_[number]] += tickets_[number].weight;
  return weight;
}

}  // namespace munisim
