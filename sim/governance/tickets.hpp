// Complaints as tickets: filed through a channel, routed to a department (directly, through manual
// triage, or through the wrong door first), handled in order of arrival within each department's
// daily capacity, answered, forwarded, or escalated when unanswered too long. Balance (checked by
// tests every day): filed = resolved + open + escalated, in tickets and in the persons they stand for.
#pragma once

#include <array>
#include <cstdint>
#include <queue>
#include <vector>

#include "sim/governance/governance_config.hpp"

namespace munisim {

struct Ticket {
  std::uint32_t citizen = 0;  // row in the citizen table
  std::uint32_t district = 0;
  TicketKind kind = kOtherTicket;
  ComplaintChannel channel = kInPerson;
  std::uint8_t gender = 0;
  std::uint8_t income_group = 0;
  float weight = 1;  // persons the complainant stands for
  int filed_day = 0;
  int deadline_day = 0;  // escalated when still open after this day
};

// Where a new ticket goes first and when it arrives there.
struct Routing {
  Department first;
  int arrival_day;
};

// A ticket's answer as the complainant lives it.
struct Answer {
  std::uint32_t ticket;
  int days;  // from filing to answer
};

[[nodiscard]] constexpr Department responsible_department(TicketKind kind) {
  switch (kind) {
    case kWasteTicket: return kWasteDept;
    case kTransportTicket: return kTransportDept;
    case kOtherTicket: return kCitizenDept;
  }
  return kCitizenDept;
}

class TicketOffice {
 public:
  enum class State : std::uint8_t { open, answered, escalated };

  explicit TicketOffice(int forward_days) : forward_days_(forward_days) {}

  // Files a ticket that reaches `routing.first` on `routing.arrival_day`; returns its number.
  std::uint32_t file(const Ticket& ticket, Routing routing);

  struct DayOutcome {
    std::vector<Answer> answered;
    std::vector<std::uint32_t> escalated;
    std::array<double, kDepartments> forwarded_weight{};
  };
  // Each department works through the tickets that have reached it, oldest arrival first, until its
  // capacity (in persons' complaints) is spent; a ticket that is not its own is passed on. Then every
  // ticket open past its deadline is escalated.
  DayOutcome handle_day(int day, const std::array<double, kDepartments>& capacity);

  [[nodiscard]] const Ticket& ticket(std::uint32_t number) const { return tickets_[number]; }
  [[nodiscard]] State state(std::uint32_t number) const { return state_[number]; }
  [[nodiscard]] int closed_day(std::uint32_t number) const { return closed_day_[number]; }  // -1 while open
  [[nodiscard]] Department holder(std::uint32_t number) const { return holder_[number]; }
  [[nodiscard]] std::size_t filed() const noexcept { return tickets_.size(); }
  [[nodiscard]] std::size_t open() const noexcept { return open_; }
  [[nodiscard]] std::size_t resolved() const noexcept { return resolved_; }
  [[nodiscard]] std::size_t escalated() const noexcept { return escalated_; }
  // Persons' complaints still open, by the department holding them.
  [[nodiscard]] std::array<double, kDepartments> open_weight() const;

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp). A queue is saved in
  // the order it pops; (day, ticket) orders arrivals totally, so the rebuilt heap pops the same.
  template <class Archive>
  void persist(Archive& archive) {
    archive(forward_days_, tickets_, state_, closed_day_, holder_, carried_capacity_, open_list_, open_, resolved_,
            escalated_);
    for (Queue& queue : queues_) {
      std::vector<Arrival> arrivals;
      if constexpr (!Archive::loading) {
        for (Queue copy = queue; !copy.empty(); copy.pop()) arrivals.push_back(copy.top());
      }
      archive(arrivals);
      if constexpr (Archive::loading) queue = Queue(std::greater<>{}, std::move(arrivals));
    }
  }

 private:
  struct Arrival {
    int day;
    std::uint32_t ticket;
    friend bool operator>(Arrival a, Arrival b) { return a.day != b.day ? a.day > b.day : a.ticket > b.ticket; }
  };
  using Queue = std::priority_queue<Arrival, std::vector<Arrival>, std::greater<>>;

  int forward_days_;
  std::vector<Ticket> tickets_;
  std::vector<State> state_;
  std::vector<int> closed_day_;
  std::vector<Department> holder_;
  std::array<Queue, kDepartments> queues_;
  std::array<double, kDepartments> carried_capacity_{};  // work begun on a ticket larger than a day's capacity
  std::vector<std::uint32_t> open_list_;                 // open tickets in filing order, compacted daily
  std::size_t open_ = 0, resolved_ = 0, escalated_ = 0;
};

}  // namespace munisim
