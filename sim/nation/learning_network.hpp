// The learning network (FACTS.md §7): cities look at their peers every period_days and may adopt a
// practice (a governance mechanism or a plan measure) they do not use yet, with the chance
//   h = min(1, base + beta_learn S + beta_imitate I + beta_coerce C)
// S: share of its peers that use the practice and do better on success_kpi; I: 1 when a peer with a
// larger population uses it; C: 1 when the centre incentivises it. The draw is the first uniforms of
// the counter-based stream (seed, ubigeo, day, "nation.learning"), one per practice in config order.
// Peers: the given edges, or built: same province, or same department with populations within
// max_population_ratio of each other. docs/nation.md.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/nation/exchange.hpp"
#include "sim/nation/nation_config.hpp"

namespace munisim::nation {

class LearningNetwork {
 public:
  // InputError when an edge names a ubigeo not in the world.
  LearningNetwork(const LearningNetworkConfig& config, std::span<const MunicipalityProfile> municipalities,
                  std::uint64_t seed);

  [[nodiscard]] bool look_day(int day) const { return (day + 1) % config_.period_days == 0; }
  // On a look day, adds the practices each municipality adopts to its letter; adopted[p] counts the
  // adoptions of practice p (config order).
  void look(int day, std::span<const MunicipalityReport> reports, std::span<Letter> letters,
            std::span<double> adopted) const;
  // The adoption chance of practice `p` for municipality i given today's reports.
  [[nodiscard]] double hazard(std::size_t i, std::size_t p, std::span<const MunicipalityReport> reports) const;
  [[nodiscard]] const std::vector<std::vector<std::size_t>>& peers() const noexcept { return peers_; }

 private:
  [[nodiscard]] bool better(const MunicipalityReport& peer, const MunicipalityReport& own) const;

  const LearningNetworkConfig& config_;
  std::span<const MunicipalityProfile> municipalities_;
  std::uint64_t seed_;
  std::vector<std::vector<std::size_t>> peers_;  // per municipality, ascending
};

// Whether the report lists practice `name` in force.
[[nodiscard]] bool uses(const MunicipalityReport& report, const std::string& name);

}  // namespace munisim::nation
