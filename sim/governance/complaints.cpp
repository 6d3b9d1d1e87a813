#include "sim/governance/complaints.hpp"

#include <algorithm>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kComplaintPurpose = stream_purpose("governance.complaints");
constexpr double kDaysPerYear = 365;

}  // namespace

ComplaintDesk::ComplaintDesk(const AgentTable& citizens, const ComplaintsConfig& config)
    : citizens_(citizens), config_(config) {
  const auto district = citizens.column<std::uint32_t>("district");
  const auto gender = citizens.column<std::uint8_t>("gender");
  const auto age = citizens.column<std::uint8_t>("age_group");
  const auto income = citizens.column<std::uint8_t>("income_group");
  const auto digital = citizens.column<std::uint8_t>("digital_access");
  const auto weight = citizens.column<double>("weight_persons");
  // Each citizen's group as one number whose order is the (district, gender, age, income, digital)
  // order, so that counting citizens per number finds the groups already sorted.
  const auto extent = [](auto column) {
    return column.empty() ? std::size_t{1} : static_cast<std::size_t>(*std::max_element(column.begin(), column.end())) + 1;
  };
  const std::size_t genders = extent(gender), ages = extent(age), incomes = extent(income), digitals = extent(digital);
  const auto code = [&](std::size_t c) {
    return (((district[c] * genders + gender[c]) * ages + age[c]) * incomes + income[c]) * digitals + digital[c];
  };
  constexpr auto kNoGroup = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> group_of(extent(district) * genders * ages * incomes * digitals, kNoGroup);
  std::vector<std::uint32_t> citizens_per_code(group_of.size(), 0);
  for (std::size_t c = 0; c < citizens.size(); ++c) ++citizens_per_code[code(c)];
  for (std::size_t at = 0; at < group_of.size(); ++at) {
    if (citizens_per_code[at] == 0) continue;
    group_of[at] = static_cast<std::uint32_t>(groups_.size());
    std::size_t rest = at;
    Group group{};
    const auto take = [&rest](std::size_t radix) {
      const std::size_t digit = rest % radix;
      rest /= radix;
      return digit;
    };
    group.digital = static_cast<std::uint8_t>(take(digitals));
    group.income = static_cast<std::uint8_t>(take(incomes));
    group.age = static_cast<std::uint8_t>(take(ages));
    group.gender = static_cast<std::uint8_t>(take(genders));
    group.district = static_cast<std::uint32_t>(rest);
    group.members.reserve(citizens_per_code[at]);
    groups_.push_back(std::move(group));
  }
  for (std::size_t c = 0; c < citizens.size(); ++c) {
    Group& group = groups_[group_of[code(c)]];
    group.members.push_back(static_cast<std::uint32_t>(c));
    group.persons += weight[c];
  }
}

ComplaintChannel ComplaintDesk::pick_channel(bool digital, double app_share, double first, double second) const {
  if (digital && first < app_share * config_.app_channel_share) return kApp;
  std::array<double, kComplaintChannels> shares{};
  double total = 0;
  for (std::size_t ch = 0; ch < kComplaintChannels; ++ch) {
    const bool usable = ch != kApp && (ch != kWeb || digital);
    shares[ch] = usable ? config_.channel_shares[ch] : 0.0;
    total += shares[ch];
  }
  double target = second * total;
  for (std::size_t ch = 0; ch < kComplaintChannels; ++ch) {
    if (target < shares[ch]) return static_cast<ComplaintChannel>(ch);
    target -= shares[ch];
  }
  return kPhone;  // only reached through rounding at the very top
}

std::vector<Ticket> ComplaintDesk::file_day(int day, const OpinionMeans& opinion, const ServiceFailure& failure,
                                            double app_share, std::uint64_t seed, Parallelism& parallel) const {
  const auto weight = citizens_.column<double>("weight_persons");
  // Mean trust of the city, the reference against which a group's trust raises or lowers complaints.
  double trust_sum = 0, persons_sum = 0;
  for (std::size_t g = 0; g < opinion.persons.size(); ++g) {
    trust_sum += opinion.trust[g] * opinion.persons[g];
    persons_sum += opinion.persons[g];
  }
  const double mean_trust = persons_sum > 0 ? trust_sum / persons_sum : 0.0;
  const double base = config_.rate_per_1000_persons_yr / 1000 / kDaysPerYear;
  // Each group draws from its own stream, so groups are filed in chunks on any threads and the
  // chunks' tickets joined in group order.
  constexpr std::size_t kGroupsPerChunk = 64;
  const auto file_groups = [&](std::size_t begin, std::size_t end) {
    std::vector<Ticket> tickets;
    for (std::size_t index = begin; index < end; ++index) {
      const Group& group = groups_[index];
      const std::size_t cell = CitizenOpinion::group(group.district, group.gender, group.income);
      const double propensity = base * config_.income_factor[group.income] * config_.gender_factor[group.gender] *
                                config_.age_factor[group.age] *
                                std::max(0.0, 1 + config_.trust_weight * (opinion.trust[cell] - mean_trust));
      RandomStream stream(seed, index, static_cast<std::uint32_t>(day), kComplaintPurpose);
      for (std::size_t kind = 0; kind < kTicketKinds; ++kind) {
        const double failing = failure[kind][group.district * kGenders + group.gender];
        const double p = std::min(1.0, propensity * config_.kind_shares[kind] * (1 - opinion.satisfaction[kind][cell]) *
                                           (1 + config_.failure_weight * failing));
        const std::uint32_t count = stream.binomial(static_cast<std::uint32_t>(group.members.size()), p);
        for (std::uint32_t k = 0; k < count; ++k) {
          const auto members = static_cast<double>(group.members.size());
          const std::uint32_t citizen =
              group.members[std::min(group.members.size() - 1, static_cast<std::size_t>(stream.uniform() * members))];
          const double first = stream.uniform();
          const double second = stream.uniform();
          Ticket ticket;
          ticket.citizen = citizen;
          ticket.district = group.district;
          ticket.kind = static_cast<TicketKind>(kind);
          ticket.channel = pick_channel(group.digital != 0, app_share, first, second);
          ticket.gender = group.gender;
          ticket.income_group = group.income;
          ticket.weight = static_cast<float>(weight[citizen]);
          ticket.filed_day = day;
          tickets.push_back(ticket);
        }
      }
    }
    return tickets;
  };
  return reduce_chunks(parallel, groups_.size(), kGroupsPerChunk, std::vector<Ticket>{}, file_groups,
                       [](std::vector<Ticket> all, const std::vector<Ticket>& chunk) {
                         all.insert(all.end(), chunk.begin(), chunk.end());
                         return all;
                       });
}

}  // namespace munisim
