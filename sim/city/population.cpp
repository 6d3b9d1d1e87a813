#include "sim/city/population.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kHouseholdPurpose = stream_purpose("city.population.household");
constexpr std::uint32_t kPersonPurpose = stream_purpose("city.population.person");
constexpr std::uint8_t kChildGroup = 0;  // 0-14
constexpr std::uint8_t kElderGroup = 4;  // 65+

struct DistrictPlan {
  std::size_t first_household = 0;
  std::size_t sampled_households = 0;
  double mean_size = 1;
};

// Each household's first member is its head and at least 15; the other members' age shares are
// corrected so that, in expectation, the whole population matches the configured shares.
struct AgeShares {
  std::array<double, kAgeGroups> head{};
  std::array<double, kAgeGroups> others{};
};

AgeShares age_shares_for(const std::vector<double>& shares, double mean_household_size) {
  AgeShares result;
  const double adult_share = 1.0 - shares[kChildGroup];
  const double head_fraction = std::min(1.0 / mean_household_size, adult_share);
  for (std::size_t g = 0; g < kAgeGroups; ++g) {
    result.head[g] = g == kChildGroup || adult_share <= 0 ? 0.0 : shares[g] / adult_share;
    result.others[g] = std::max(0.0, shares[g] - head_fraction * result.head[g]);
  }
  return result;
}

template <class T>
std::span<T> new_column(AgentTable& table, const char* name) {
  table.add_column<T>(name);
  return table.column<T>(name);
}

// Where a district's households live: its nodes in proportion to their weights (equal when none).
class HomeNodes {
 public:
  explicit HomeNodes(const District& district) : nodes_(district.nodes) {
    double total = 0;
    for (double weight : district.node_weights) cumulative_.push_back(total += weight);
  }
  [[nodiscard]] NodeId pick(double draw) const {
    if (cumulative_.empty()) {
      const auto index = static_cast<std::size_t>(draw * static_cast<double>(nodes_.size()));
      return nodes_[std::min(index, nodes_.size() - 1)];
    }
    const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), draw * cumulative_.back());
    return nodes_[std::min(static_cast<std::size_t>(found - cumulative_.begin()), nodes_.size() - 1)];
  }

 private:
  const std::vector<NodeId>& nodes_;
  std::vector<double> cumulative_;
};

std::uint8_t income_group_for(double draw, double poverty_share, double high_share) {
  if (draw < poverty_share) return 0;
  if (draw < poverty_share + std::min(high_share, 1.0 - poverty_share)) return 2;
  return 1;
}

}  // namespace

void synthesise_population(City& city, const PopulationConfig& config, std::uint64_t seed, Parallelism& parallel) {
  const auto sampling = static_cast<double>(city.sampling);
  std::vector<DistrictPlan> plans(city.districts.size());
  std::size_t household_total = 0;
  for (std::size_t d = 0; d < city.districts.size(); ++d) {
    District& district = city.districts[d];
    if (district.households == 0) {
      district.households =
          std::max<std::int64_t>(1, std::llround(static_cast<double>(district.population) / config.household_size));
    }
    plans[d].first_household = household_total;
    plans[d].sampled_households = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(static_cast<double>(district.households) / sampling)));
    plans[d].mean_size = static_cast<double>(district.population) / static_cast<double>(district.households);
    household_total += plans[d].sampled_households;
  }

  AgentTable& households = city.households;
  households.add(household_total);
  auto hh_district = new_column<std::uint32_t>(households, "district");
  auto hh_node = new_column<std::uint32_t>(households, "home_node");
  auto hh_size = new_column<std::uint32_t>(households, "size");
  auto hh_income = new_column<std::uint8_t>(households, "income_group");
  auto hh_weight = new_column<double>(households, "weight_households");

  for (std::size_t d = 0; d < plans.size(); ++d) {
    const double weight =
        static_cast<double>(city.districts[d].households) / static_cast<double>(plans[d].sampled_households);
    for (std::size_t h = 0; h < plans[d].sampled_households; ++h) {
      hh_district[plans[d].first_household + h] = static_cast<std::uint32_t>(d);
      hh_weight[plans[d].first_household + h] = weight;
    }
  }

  std::vector<HomeNodes> home_nodes;
  for (const District& district : city.districts) home_nodes.emplace_back(district);
  for_each_block(parallel, household_total, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t h = begin; h < end; ++h) {
      const District& district = city.districts[hh_district[h]];
      RandomStream stream(seed, h, 0, kHouseholdPurpose);
      hh_size[h] = 1 + stream.poisson(plans[hh_district[h]].mean_size - 1.0);
      const double high_share = config.high_income_share_by_level[static_cast<std::size_t>(district.income_level)];
      hh_income[h] = income_group_for(stream.uniform(), district.poverty_share, high_share);
      hh_node[h] = home_nodes[hh_district[h]].pick(stream.uniform());
    }
  });

  // Person ids follow households in order; a prefix sum over sizes fixes each household's first id.
  std::vector<std::size_t> first_person(household_total + 1, 0);
  for (std::size_t h = 0; h < household_total; ++h) first_person[h + 1] = first_person[h] + hh_size[h];
  const std::size_t person_total = first_person.back();

  // Person weights make each district's weighted total equal its population exactly.
  std::vector<double> person_weight(plans.size());
  for (std::size_t d = 0; d < plans.size(); ++d) {
    const std::size_t end_household = plans[d].first_household + plans[d].sampled_households;
    const std::size_t persons = first_person[end_household] - first_person[plans[d].first_household];
    person_weight[d] = static_cast<double>(city.districts[d].population) / static_cast<double>(persons);
  }

  AgentTable& citizens = city.citizens;
  citizens.add(person_total);
  auto c_household = new_column<std::uint32_t>(citizens, "household");
  auto c_district = new_column<std::uint32_t>(citizens, "district");
  auto c_gender = new_column<std::uint8_t>(citizens, "gender");
  auto c_age = new_column<std::uint8_t>(citizens, "age_group");
  auto c_income = new_column<std::uint8_t>(citizens, "income_group");
  auto c_employed = new_column<std::uint8_t>(citizens, "employed");
  auto c_digital = new_column<std::uint8_t>(citizens, "digital_access");
  auto c_weight = new_column<double>(citizens, "weight_persons");

  std::vector<AgeShares> district_ages;
  for (const DistrictPlan& plan : plans)
    district_ages.push_back(age_shares_for(config.age_group_shares, plan.mean_size));

  for_each_block(parallel, household_total, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t h = begin; h < end; ++h) {
      const std::uint32_t d = hh_district[h];
      for (std::size_t p = first_person[h]; p < first_person[h + 1]; ++p) {
        RandomStream stream(seed, p, 0, kPersonPurpose);
        const bool head = p == first_person[h];
        const auto& age_weights = head ? district_ages[d].head : district_ages[d].others;
        const auto age = static_cast<std::uint8_t>(stream.categorical(age_weights));
        c_household[p] = static_cast<std::uint32_t>(h);
        c_district[p] = d;
        c_gender[p] = stream.bernoulli(config.female_share) ? 0 : 1;
        c_age[p] = age;
        c_income[p] = hh_income[h];
        const bool working_age = age != kChildGroup && age != kElderGroup;
        c_employed[p] = working_age && stream.bernoulli(config.employment_rate) ? 1 : 0;
        c_digital[p] = stream.bernoulli(config.digital_access_by_income[hh_income[h]]) ? 1 : 0;
        c_weight[p] = person_weight[d];
      }
    }
  });
}

}  // namespace munisim
