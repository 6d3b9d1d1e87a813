#include "sim/nation/learning_network.hpp"

#include <algorithm>
#include <charconv>

#include "sim/core/error.hpp"
#include "sim/core/rng.hpp"
#include "sim/governance/governance_config.hpp"
#include "sim/nation/report_values.hpp"

namespace munisim::nation {
namespace {

constexpr std::uint32_t kLearningPurpose = stream_purpose("nation.learning");

// The stream's entity: the ubigeo's number, so draws do not depend on the world's order.
std::uint64_t entity_of(const MunicipalityProfile& m, std::size_t index) {
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(m.ubigeo.data(), m.ubigeo.data() + m.ubigeo.size(), number);
  return error == std::errc{} && end == m.ubigeo.data() + m.ubigeo.size() ? number : index;
}

bool built_peers(const MunicipalityProfile& a, const MunicipalityProfile& b, double max_ratio) {
  if (a.ubigeo.substr(0, 4) == b.ubigeo.substr(0, 4)) return true;
  if (a.ubigeo.substr(0, 2) != b.ubigeo.substr(0, 2)) return false;
  const double low = std::min(a.population, b.population), high = std::max(a.population, b.population);
  return high <= max_ratio * low;
}

}  // namespace

bool uses(const MunicipalityReport& report, const std::string& name) {
  return std::any_of(report.practices.begin(), report.practices.end(),
                     [&](const Practice& practice) { return practice.name == name; });
}

LearningNetwork::LearningNetwork(const LearningNetworkConfig& config,
                                 std::span<const MunicipalityProfile> municipalities, std::uint64_t seed)
    : config_(config), municipalities_(municipalities), seed_(seed), peers_(municipalities.size()) {
  const std::size_t n = municipalities.size();
  if (config.edges.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (i != j && built_peers(municipalities[i], municipalities[j], config.max_population_ratio)) {
          peers_[i].push_back(j);
        }
      }
    }
    return;
  }
  const auto index_of = [&](const std::string& ubigeo, std::size_t edge, const char* end) {
    for (std::size_t i = 0; i < n; ++i) {
      if (municipalities[i].ubigeo == ubigeo) return i;
    }
    throw InputError({}, "nation.learning_network.edges[" + std::to_string(edge) + "]." + end,
                     "'" + ubigeo + "' is not a municipality of the world");
  };
  for (std::size_t e = 0; e < config.edges.size(); ++e) {
    const std::size_t a = index_of(config.edges[e].from, e, "from"), b = index_of(config.edges[e].to, e, "to");
    if (a == b) continue;
    peers_[a].push_back(b);
    peers_[b].push_back(a);
  }
  for (auto& list : peers_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

bool LearningNetwork::better(const MunicipalityReport& peer, const MunicipalityReport& own) const {
  const double theirs = report_value(peer, config_.success_kpi), mine = report_value(own, config_.success_kpi);
  return config_.success_kpi == "complaint_response_days" ? theirs < mine : theirs > mine;
}

double LearningNetwork::hazard(std::size_t i, std::size_t p, std::span<const MunicipalityReport> reports) const {
  const std::string& practice = config_.practices[p];
  double successful = 0;
  bool larger_uses = false;
  for (std::size_t j : peers_[i]) {
    if (!uses(reports[j], practice)) continue;
    if (better(reports[j], reports[i])) successful += 1;
    if (municipalities_[j].population > municipalities_[i].population) larger_uses = true;
  }
  const double share = peers_[i].empty() ? 0.0 : successful / static_cast<double>(peers_[i].size());
  const auto& incentivised = config_.incentivised;
  const bool coerced = std::find(incentivised.begin(), incentivised.end(), practice) != incentivised.end();
  const double h = config_.base_hazard + config_.beta_learn * share + config_.beta_imitate * (larger_uses ? 1 : 0) +
                   config_.beta_coerce * (coerced ? 1 : 0);
  return std::min(1.0, h);
}

void LearningNetwork::look(int day, std::span<const MunicipalityReport> reports, std::span<Letter> letters,
                           std::span<double> adopted) const {
  for (std::size_t i = 0; i < municipalities_.size(); ++i) {
    RandomStream stream(seed_, entity_of(municipalities_[i], i), static_cast<std::uint32_t>(day), kLearningPurpose);
    for (std::size_t p = 0; p < config_.practices.size(); ++p) {
      const double draw = stream.uniform();
      const std::string& practice = config_.practices[p];
      if (uses(reports[i], practice) || draw >= hazard(i, p, reports)) continue;
      const bool mechanism =
          std::find(kMechanismNames.begin(), kMechanismNames.end(), practice) != kMechanismNames.end();
      letters[i].adopt.push_back({mechanism ? "mechanism" : "plan_measure", practice});
      adopted[p] += 1;
    }
  }
}

}  // namespace munisim::nation
