// Households' decision to separate recyclables at source, in the spirit of the theory of planned
// behaviour: attitude, the social norm (the separating share in the district) and perceived
// convenience (selective collection offered, and how reliably it comes), plus campaigns and
// incentives. Equations in docs/model.md, "Source separation".
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/waste/waste_config.hpp"

namespace munisim {

class Parallelism;

class SeparationBehaviour {
 public:
  // Draws each household's attitude on the threads of `parallel`, from a stream of its own.
  SeparationBehaviour(const SeparationConfig& config, std::size_t households, std::size_t districts,
                      std::uint64_t seed, Parallelism& parallel);

  // The households of the engine block [begin, end) whose review day is today reconsider (every
  // review_days-th household, so no test per household), each with one word of the block's
  // stream: decisions do not depend on the split over threads. Safe for different blocks on
  // different threads.
  void review(std::size_t begin, std::size_t end, std::span<const std::uint32_t> district, int day,
              std::uint64_t seed);
  // Whether household h separates, as its last review decided.
  [[nodiscard]] bool separates(std::size_t household) const { return separates_[household] != 0; }

  // The norm each household sees next: household-weighted separating share per district.
  void update_norms(const std::vector<double>& separating_weight, const std::vector<double>& household_weight);
  // A selective-collection programme in `district` with the given campaign boost (logit).
  void start_programme(std::size_t district, double campaign);
  // After a scheduled selective pickup: reliability moves towards 1 when served, towards 0 when missed.
  void record_pickup(std::size_t district, bool served);

  [[nodiscard]] bool has_programme(std::size_t district) const { return programme_[district] != 0; }
  [[nodiscard]] double convenience(std::size_t district) const;
  [[nodiscard]] double norm(std::size_t district) const { return norm_[district]; }

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(attitude_, separates_, norm_, programme_, campaign_, reliability_);
  }

 private:
  // The logit of a household's chance to separate.
  [[nodiscard]] double logit(double attitude, std::size_t district) const;

  const SeparationConfig& config_;
  std::vector<double> attitude_;         // per household, in (0, 1)
  std::vector<std::uint8_t> separates_;  // per household
  std::vector<double> norm_;             // per district
  std::vector<std::uint8_t> programme_;  // per district
  std::vector<double> campaign_;         // per district, logit boost
  std::vector<double> reliability_;      // per district, share of selective pickups that came
};

}  // namespace munisim
