#include "sim/nation/formula_index.hpp"

#include <map>
#include <numeric>
#include <string>

namespace munisim::nation {
namespace {

double needs_weight(const MunicipalityProfile& m, double poverty_weight) {
  return m.population * (1 + poverty_weight * m.poverty_share);
}

double rurality_weight(const MunicipalityProfile& m, double rural_weight) {
  return m.population * ((1 - m.rural_share) + rural_weight * m.rural_share);
}

// `weights` scaled to sum to 1, or equal parts when they sum to zero.
std::vector<double> normalised(std::vector<double> weights) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (double& weight : weights) weight = sum > 0 ? weight / sum : 1.0 / static_cast<double>(weights.size());
  return weights;
}

}  // namespace

double total_population(std::span<const MunicipalityProfile> municipalities) {
  double persons = 0;
  for (const MunicipalityProfile& m : municipalities) persons += m.population;
  return persons;
}

std::vector<double> formula_index(const FormulaTransfersConfig& config,
                                  std::span<const MunicipalityProfile> municipalities) {
  const std::size_t n = municipalities.size();
  if (n == 0) return {};
  if (!config.two_stage) {
    std::vector<double> weights(n);
    for (std::size_t i = 0; i < n; ++i) {
      const MunicipalityProfile& m = municipalities[i];
      weights[i] = m.population * (1 + config.poverty_weight * m.poverty_share) *
                   ((1 - m.rural_share) + config.rural_weight * m.rural_share);
    }
    return normalised(std::move(weights));
  }
  // Provinces by the first four digits of the ubigeo.
  std::map<std::string, std::vector<std::size_t>> provinces;
  for (std::size_t i = 0; i < n; ++i) provinces[municipalities[i].ubigeo.substr(0, 4)].push_back(i);
  std::vector<std::string> keys;
  std::vector<double> province_weights;
  for (const auto& [key, members] : provinces) {
    double weight = 0;
    for (std::size_t i : members) weight += needs_weight(municipalities[i], config.poverty_weight);
    keys.push_back(key);
    province_weights.push_back(weight);
  }
  const std::vector<double> province_shares = normalised(province_weights);
  std::vector<double> index(n, 0.0);
  for (std::size_t p = 0; p < keys.size(); ++p) {
    const std::vector<std::size_t>& members = provinces[keys[p]];
    double share = province_shares[p];
    for (std::size_t i : members) {
      if (!municipalities[i].provincial) continue;
      index[i] += share * config.provincial_share;
      share *= 1 - config.provincial_share;
      break;
    }
    std::vector<double> weights;
    for (std::size_t i : members) weights.push_back(rurality_weight(municipalities[i], config.rural_weight));
    const std::vector<double> district_shares = normalised(std::move(weights));
    for (std::size_t k = 0; k < members.size(); ++k) index[members[k]] += share * district_shares[k];
  }
  return index;
}

std::vector<double> split_with_floor(double amount, std::span<const double> shares, double floor) {
  const std::size_t n = shares.size();
  if (n == 0) return {};
  if (floor * static_cast<double>(n) >= amount) return std::vector<double>(n, amount / static_cast<double>(n));
  std::vector<bool> floored(n, false);
  std::vector<double> paid(n, 0.0);
  for (bool changed = true; changed;) {
    changed = false;
    double free_shares = 0, floored_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (floored[i]) {
        floored_count += 1;
      } else {
        free_shares += shares[i];
      }
    }
    const double left = amount - floored_count * floor;
    for (std::size_t i = 0; i < n; ++i) {
      paid[i] = floored[i] ? floor : (free_shares > 0 ? left * shares[i] / free_shares : 0.0);
      if (!floored[i] && paid[i] < floor) {
        floored[i] = true;
        changed = true;
      }
    }
  }
  return paid;
}

std::vector<double> split_by_needs(double amount, std::span<const MunicipalityProfile> municipalities,
                                   std::span<const std::size_t> members) {
  std::vector<double> weights;
  for (std::size_t i : members) weights.push_back(needs_weight(municipalities[i], 1.0));
  std::vector<double> parts = normalised(std::move(weights));
  for (double& part : parts) part *= amount;
  return parts;
}

}  // namespace munisim::nation
