// Each citizen's satisfaction with each judged service and trust in the municipality, updated weekly
// from what they lived: the quality of the services in their district (for transport, for their
// gender too) and the answers to their own complaints. Equations in docs/governance.md.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/agent_table.hpp"
#include "sim/governance/governance_config.hpp"

namespace munisim {

class Parallelism;

// Quality lived during a week in [0, 1], per judged service, by district x gender.
using LivedQuality = std::array<std::vector<double>, kJudgedServices>;

// A change of one citizen's satisfaction with the citizen services and of their trust.
struct OpinionEvent {
  std::uint32_t citizen;
  double effect;
};

// Persons-weighted means by district x gender x income group.
struct OpinionMeans {
  std::array<std::vector<double>, kJudgedServices> satisfaction;
  std::vector<double> trust;
  std::vector<double> persons;
};

class CitizenOpinion {
 public:
  // Everyone starts at the configured satisfaction and trust.
  CitizenOpinion(const AgentTable& citizens, std::size_t districts, const FeedbackConfig& config,
                 Parallelism& parallel);

  // satisfaction += a (quality + offset - satisfaction); trust += b (mean satisfaction - trust);
  // then each event moves its citizen's citizen-service satisfaction by `effect` and trust by half.
  // Values stay in [0, 1]. The offset is a citizen's fixed personal expectation.
  void update_week(const LivedQuality& quality, std::span<const OpinionEvent> events, std::uint64_t seed,
                   Parallelism& parallel);

  [[nodiscard]] const OpinionMeans& means() const noexcept { return means_; }
  [[nodiscard]] std::span<const float> satisfaction(std::size_t service) const { return satisfaction_[service]; }
  [[nodiscard]] std::span<const float> trust() const { return trust_; }
  [[nodiscard]] static std::size_t group(std::uint32_t district, std::uint8_t gender, std::uint8_t income) {
    return (district * kGenders + gender) * kIncomeGroups + income;
  }

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(satisfaction_, trust_, means_);
  }

 private:
  void compute_means(Parallelism& parallel);

  const AgentTable& citizens_;
  std::size_t districts_;
  const FeedbackConfig& config_;
  std::array<std::vector<float>, kJudgedServices> satisfaction_;
  std::vector<float> trust_;
  OpinionMeans means_;
};

}  // namespace munisim
