#include "sim/waste/separation.hpp"

#include <array>
#include <cmath>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/philox_lanes.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/vector_draws.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kAttitudePurpose = stream_purpose("waste.separation.attitude");
constexpr std::uint32_t kDecisionPurpose = stream_purpose("waste.separation.decision");
// Reliability is remembered with this weight on the past: about five pickups to forget a miss.
constexpr double kReliabilityMemory = 0.8;

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

}  // namespace

SeparationBehaviour::SeparationBehaviour(const SeparationConfig& config, std::size_t households, std::size_t districts,
                                         std::uint64_t seed, Parallelism& parallel)
    : config_(config),
      attitude_(households),
      separates_(households, 0),
      norm_(districts, 0.0),
      programme_(districts, 0),
      campaign_(districts, 0.0),
      reliability_(districts, 1.0) {
  const double mean_logit = std::log(config.attitude_mean / (1 - config.attitude_mean));
  for_each_block(parallel, households, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t h = begin; h < end; ++h) {
      attitude_[h] = logistic(RandomStream(seed, h, 0, kAttitudePurpose).normal(mean_logit, config.attitude_spread));
    }
  });
}

double SeparationBehaviour::convenience(std::size_t district) const {
  return programme_[district] != 0 ? reliability_[district] : config_.convenience_without_programme;
}

double SeparationBehaviour::logit(double attitude, std::size_t district) const {
  const double drive = config_.weight_attitude * attitude + config_.weight_norm * norm_[district] +
                       config_.weight_convenience * convenience(district);
  return config_.intercept + config_.scale * drive + campaign_[district];
}

void SeparationBehaviour::review(std::size_t begin, std::size_t end, std::span<const std::uint32_t> district, int day,
                                 std::uint64_t seed) {
  if (begin % kBlockSize != 0 || end - begin > kBlockSize) {
    throw Error("SeparationBehaviour::review: a range is one engine block");
  }
  // Households reconsider on different days, spreading the changes over the review period:
  // household h on the days d with d = h (mod review_days).
  const auto period = static_cast<std::size_t>(config_.review_days);
  const std::size_t today = static_cast<std::size_t>(day) % period;
  const std::size_t first = begin + (today + period - begin % period) % period;
  if (first >= end) return;
  const std::size_t reviewed = (end - 1 - first) / period + 1;
  // The block's logits, then their chances in one vector loop, then one word each of the block's
  // Philox stream for the decisions: the k-th reviewed household of the block takes word k.
  std::array<double, kBlockSize> logit, chance;
  for (std::size_t k = 0; k < reviewed; ++k) {
    const std::size_t h = first + k * period;
    logit[k] = this->logit(attitude_[h], district[h]);
  }
  fill_logistic(std::span(logit).first(reviewed), std::span(chance).first(reviewed));
  std::array<std::uint32_t, kBlockSize + kPhiloxLaneWords> words;
  const std::size_t filled = (reviewed + kPhiloxLaneWords - 1) / kPhiloxLaneWords * kPhiloxLaneWords;
  fill_philox_lanes(seed, static_cast<std::uint32_t>(begin / kBlockSize), static_cast<std::uint32_t>(day),
                    kDecisionPurpose, 0, std::span(words).first(filled));
  for (std::size_t k = 0; k < reviewed; ++k) {
    const double uniform = (words[k] + 0.5) * 0x1p-32;
    separates_[first + k * period] = uniform < chance[k] ? 1 : 0;
  }
}

void SeparationBehaviour::update_norms(const std::vector<double>& separating_weight,
                                       const std::vector<double>& household_weight) {
  for (std::size_t d = 0; d < norm_.size(); ++d) {
    norm_[d] = household_weight[d] > 0 ? separating_weight[d] / household_weight[d] : 0.0;
  }
}

void SeparationBehaviour::start_programme(std::size_t district, double campaign) {
  programme_[district] = 1;
  campaign_[district] = campaign;
}

void SeparationBehaviour::record_pickup(std::size_t district, bool served) {
  reliability_[district] =
      kReliabilityMemory * reliability_[district] + (1 - kReliabilityMemory) * (served ? 1.0 : 0.0);
}

}  // namespace munisim
