// The day's mode choice as a table: the logit's chances depend only on the trip's segment (origin,
// destination, hour) and a few traits of the chooser, so they are computed once per segment and
// chooser each day, and a trip's mode is then one random word compared with four thresholds.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/parallel.hpp"
#include "sim/mobility/mode_choice.hpp"

namespace munisim {

class ModeTable {
 public:
  // From what each segment offers today; rows are independent, so any split over threads gives
  // the same table.
  void build(Parallelism& parallel, const std::vector<TripConditions>& segments, const ModeChoice& choice,
             const SafetyMeasures& safety);

  using Row = std::array<std::uint32_t, kModes - 1>;
  static constexpr std::size_t kRows = std::size_t{kGenders} * kIncomeGroups;  // per segment

  // The kRows rows of one segment, [gender][income].
  [[nodiscard]] const Row* segment_rows(std::size_t segment) const { return &thresholds_[segment * kRows]; }

  // The mode for a uniform 32-bit word. A row holds the cumulative chances of the first four modes
  // with every mode open, in units of 2^-31, per gender and income group. Closing the bicycle or
  // the car to someone takes its stretch out of the range the word is spread over, which is the
  // logit over the modes left (the logit's independence of irrelevant alternatives).
  [[nodiscard]] static Mode sample(const Row* rows, const Chooser& who, std::uint32_t word) {
    const Row& below = rows[std::size_t{who.gender} * kIncomeGroups + who.income_group];
    const std::uint32_t bicycle = who.can_cycle ? 0 : below[kBicycle] - below[kWalk];
    const std::uint64_t range = (who.has_car ? std::uint64_t{1} << 31 : below[kTaxi]) - bicycle;
    if (range == 0) return kTaxi;  // every open mode rounded to no chance: taxis always run
    auto draw = static_cast<std::uint32_t>((std::uint64_t{word} * range) >> 32);
    draw += bicycle & (0u - static_cast<std::uint32_t>(draw >= below[kWalk]));
    return static_cast<Mode>(std::size_t{draw >= below[0]} + std::size_t{draw >= below[1]} +
                             std::size_t{draw >= below[2]} + std::size_t{draw >= below[3]});
  }
  [[nodiscard]] Mode sample(std::size_t segment, const Chooser& who, std::uint32_t word) const {
    return sample(segment_rows(segment), who, word);
  }

 private:
  std::vector<Row> thresholds_;  // [segment][gender][income]
};

}  // namespace munisim
