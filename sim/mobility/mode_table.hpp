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

  // The kRows rows of one segment, [gender][income]: the cumulative chances of the first four
  // modes with every mode open, in units of 2^-31.
  [[nodiscard]] const Row* segment_rows(std::size_t segment) const { return &thresholds_[segment * kRows]; }

  // Choosers differ by gender, income group, whether they may cycle and whether they have a car.
  static constexpr std::size_t kChoosers = kRows * 4;
  [[nodiscard]] static constexpr std::size_t chooser(std::size_t gender, std::size_t income_group, bool can_cycle,
                                                     bool has_car) {
    return ((gender * kIncomeGroups + income_group) * 2 + (can_cycle ? 1 : 0)) * 2 + (has_car ? 1 : 0);
  }

  // A segment's rows for each chooser, [chooser], from its kRows rows. Closing the bicycle or the
  // car to someone gives its chance to the modes left in proportion to theirs, which is the
  // logit over the modes left (the logit's independence of irrelevant alternatives); thresholds
  // are rounded to 2^-31. If every open mode rounded to no chance, the taxi takes all (taxis
  // always run).
  static void chooser_rows(const Row* rows, Row* out);

  // The mode for a uniform 32-bit word from a chooser's row: four comparisons.
  [[nodiscard]] static Mode sample(const Row& below, std::uint32_t word) {
    const std::uint32_t draw = word >> 1;  // thresholds are in units of 2^-31
    return static_cast<Mode>(std::size_t{draw >= below[0]} + std::size_t{draw >= below[1]} +
                             std::size_t{draw >= below[2]} + std::size_t{draw >= below[3]});
  }

 private:
  std::vector<Row> thresholds_;  // [segment][gender][income]
};

}  // namespace munisim
