// Who complains today, about what and through which channel. Citizens are grouped by district,
// gender, age group, income group and digital access; each group's complaints of a kind are one
// binomial draw whose probability grows with the group's dissatisfaction with that service, the
// day's failure in its district and its trust; each complaint then names one member of the group.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/agent_table.hpp"
#include "sim/core/parallel.hpp"
#include "sim/governance/citizen_opinion.hpp"
#include "sim/governance/tickets.hpp"

namespace munisim {

// What raises complaints today, in [0, 1]: each service's failure by district x gender.
using ServiceFailure = std::array<std::vector<double>, kTicketKinds>;

class ComplaintDesk {
 public:
  ComplaintDesk(const AgentTable& citizens, const ComplaintsConfig& config);

  // The day's new complaints (not yet routed), in a fixed order. `app_share` is the share of
  // citizens with digital access who use the app today (0 without the app). The same for any
  // thread count of `parallel`.
  [[nodiscard]] std::vector<Ticket> file_day(int day, const OpinionMeans& opinion, const ServiceFailure& failure,
                                             double app_share, std::uint64_t seed, Parallelism& parallel) const;

 private:
  struct Group {
    std::uint32_t district;
    std::uint8_t gender, age, income, digital;
    std::vector<std::uint32_t> members;  // citizen rows
    double persons = 0;                  // weighted
  };
  [[nodiscard]] ComplaintChannel pick_channel(bool digital, double app_share, double first, double second) const;

  const AgentTable& citizens_;
  const ComplaintsConfig& config_;
  std::vector<Group> groups_;  // non-empty groups only, in (district, gender, age, income, digital) order
};

}  // namespace munisim
