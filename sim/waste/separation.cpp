#include "sim/waste/separation.hpp"

#include <cmath>

#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kAttitudePurpose = stream_purpose("waste.separation.attitude");
constexpr std::uint32_t kDecisionPurpose = stream_purpose("waste.separation.decision");
// Reliability is remembered with this weight on the past: about five pickups to forget a miss.
constexpr double kReliabilityMemory = 0.8;

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

}  // namespace

SeparationBehaviour::SeparationBehaviour(const SeparationConfig& config, std::size_t households, std::size_t districts,
                                         std::uint64_t seed)
    : config_(config),
      attitude_(households),
      separates_(households, 0),
      norm_(districts, 0.0),
      programme_(districts, 0),
      campaign_(districts, 0.0),
      reliability_(districts, 1.0) {
  const double mean_logit = std::log(config.attitude_mean / (1 - config.attitude_mean));
  for (std::size_t h = 0; h < households; ++h) {
    attitude_[h] = logistic(RandomStream(seed, h, 0, kAttitudePurpose).normal(mean_logit, config.attitude_spread));
  }
}

double SeparationBehaviour::convenience(std::size_t district) const {
  return programme_[district] != 0 ? reliability_[district] : config_.convenience_without_programme;
}

double SeparationBehaviour::probability(double attitude, std::size_t district) const {
  const double drive = config_.weight_attitude * attitude + config_.weight_norm * norm_[district] +
                       config_.weight_convenience * convenience(district);
  return logistic(config_.intercept + config_.scale * drive + campaign_[district]);
}

void SeparationBehaviour::review(std::size_t begin, std::size_t end, std::span<const std::uint32_t> district, int day,
                                 std::uint64_t seed) {
  // Households reconsider on different days, spreading the changes over the review period:
  // household h on the days d with d = h (mod review_days).
  const auto period = static_cast<std::size_t>(config_.review_days);
  const std::size_t today = static_cast<std::size_t>(day) % period;
  for (std::size_t h = begin + (today + period - begin % period) % period; h < end; h += period) {
    const double p = probability(attitude_[h], district[h]);
    separates_[h] = RandomStream(seed, h, static_cast<std::uint32_t>(day), kDecisionPurpose).bernoulli(p) ? 1 : 0;
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
