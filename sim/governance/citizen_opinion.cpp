#include "sim/governance/citizen_opinion.hpp"

#include <algorithm>

#include "sim/core/parallel.hpp"
#include "sim/core/philox_lanes.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kExpectationPurpose = stream_purpose("governance.expectation");
// Partial sums are large (every group), so fewer, larger chunks than the engine's blocks.
constexpr std::size_t kMeansChunk = 64 * kBlockSize;

// As std::clamp, without branches: the weekly update is a loop over every citizen.
float clamp01(double value) { return static_cast<float>(std::min(std::max(value, 0.0), 1.0)); }

}  // namespace

CitizenOpinion::CitizenOpinion(const AgentTable& citizens, std::size_t districts, const FeedbackConfig& config,
                               Parallelism& parallel)
    : citizens_(citizens), districts_(districts), config_(config) {
  for (auto& values : satisfaction_) values.assign(citizens.size(), static_cast<float>(config.initial_satisfaction));
  trust_.assign(citizens.size(), static_cast<float>(config.initial_trust));
  compute_means(parallel);
}

void CitizenOpinion::update_week(const LivedQuality& quality, std::span<const OpinionEvent> events,
                                 std::uint64_t seed, Parallelism& parallel) {
  const auto district = citizens_.column<std::uint32_t>("district");
  const auto gender = citizens_.column<std::uint8_t>("gender");
  const double adjust = config_.adjustment_per_week;
  const double trust_adjust = config_.trust_adjustment_per_week;
  const double spread = config_.expectation_spread;
  for_each_block(parallel, trust_.size(), [&](std::size_t begin, std::size_t end, std::size_t) {
    // One 32-bit word per citizen from the block's stream, day 0 for every week: the offset is a
    // lasting trait of the citizen, redrawn in vector lanes rather than kept in memory.
    std::uint32_t words[kBlockSize];
    const std::size_t lane_words = (end - begin + kPhiloxLaneWords - 1) / kPhiloxLaneWords * kPhiloxLaneWords;
    fill_philox_lanes(seed, static_cast<std::uint32_t>(begin / kBlockSize), 0, kExpectationPurpose, 0,
                      std::span<std::uint32_t>(words, lane_words));
    for (std::size_t c = begin; c < end; ++c) {
      const std::size_t cell = district[c] * kGenders + gender[c];
      const double uniform = (words[c - begin] + 0.5) * 0x1p-32;
      const double offset = spread * (2 * uniform - 1);
      double mean = 0;
      for (std::size_t s = 0; s < kJudgedServices; ++s) {
        const double now = satisfaction_[s][c];
        satisfaction_[s][c] = clamp01(now + adjust * (quality[s][cell] + offset - now));
        mean += satisfaction_[s][c];
      }
      trust_[c] = clamp01(trust_[c] + trust_adjust * (mean / kJudgedServices - trust_[c]));
    }
  });
  constexpr std::size_t kService = 2;  // citizen services: how complaints are answered
  for (const OpinionEvent& event : events) {
    satisfaction_[kService][event.citizen] = clamp01(satisfaction_[kService][event.citizen] + event.effect);
    trust_[event.citizen] = clamp01(trust_[event.citizen] + event.effect / 2);
  }
  compute_means(parallel);
}

void CitizenOpinion::compute_means(Parallelism& parallel) {
  const auto district = citizens_.column<std::uint32_t>("district");
  const auto gender = citizens_.column<std::uint8_t>("gender");
  const auto income = citizens_.column<std::uint8_t>("income_group");
  const auto weight = citizens_.column<double>("weight_persons");
  const std::size_t groups = districts_ * kGenders * kIncomeGroups;
  constexpr std::size_t kFields = kJudgedServices + 2;  // services, trust, persons
  const std::vector<double> sums = reduce_chunks(
      parallel, trust_.size(), kMeansChunk, std::vector<double>(groups * kFields, 0.0),
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> part(groups * kFields, 0.0);
        for (std::size_t c = begin; c < end; ++c) {
          double* cell = &part[group(district[c], gender[c], income[c]) * kFields];
          for (std::size_t s = 0; s < kJudgedServices; ++s) cell[s] += weight[c] * satisfaction_[s][c];
          cell[kJudgedServices] += weight[c] * trust_[c];
          cell[kJudgedServices + 1] += weight[c];
        }
        return part;
      },
      [](std::vector<double> into, const std::vector<double>& part) {
        for (std::size_t i = 0; i < into.size(); ++i) into[i] += part[i];
        return into;
      });
  for (auto& values : means_.satisfaction) values.assign(groups, 0.0);
  means_.trust.assign(groups, 0.0);
  means_.persons.assign(groups, 0.0);
  for (std::size_t g = 0; g < groups; ++g) {
    const double persons = sums[g * kFields + kJudgedServices + 1];
    means_.persons[g] = persons;
    if (persons <= 0) continue;
    for (std::size_t s = 0; s < kJudgedServices; ++s) means_.satisfaction[s][g] = sums[g * kFields + s] / persons;
    means_.trust[g] = sums[g * kFields + kJudgedServices] / persons;
  }
}

}  // namespace munisim
