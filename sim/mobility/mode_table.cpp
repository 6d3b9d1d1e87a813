#include "sim/mobility/mode_table.hpp"

#include <algorithm>
#include <cmath>

namespace munisim {
namespace {

// Segments per task: a segment's rows take six logits.
constexpr std::size_t kSegmentsPerTask = 256;

}  // namespace

void ModeTable::build(Parallelism& parallel, const std::vector<TripConditions>& segments, const ModeChoice& choice,
                      const SafetyMeasures& safety) {
  static_assert(kModes == 5 && kWalk == 0 && kBicycle == 1 && kTaxi == 3 && kCar == 4,
                "sample() compares with four thresholds and closes the bicycle and the car");
  thresholds_.resize(segments.size() * kRows);
  for_each_chunk(parallel, segments.size(), kSegmentsPerTask, [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t segment = begin; segment < end; ++segment) {
      for (std::uint8_t g = 0; g < kGenders; ++g) {
        for (std::uint8_t income = 0; income < kIncomeGroups; ++income) {
          const std::array<double, kModes> utility =
              choice.utilities(segments[segment], {g, income, true, true}, safety);
          const double top = *std::max_element(utility.begin(), utility.end());
          std::array<double, kModes> weight{};
          double total = 0;
          for (std::size_t m = 0; m < kModes; ++m) total += weight[m] = std::exp(utility[m] - top);
          std::array<std::uint32_t, kModes - 1>& below = thresholds_[segment * kRows + g * kIncomeGroups + income];
          double cumulative = 0;
          for (std::size_t m = 0; m + 1 < kModes; ++m) {
            cumulative += weight[m];
            below[m] = static_cast<std::uint32_t>(std::min(0x1p31, std::round(cumulative / total * 0x1p31)));
          }
        }
      }
    }
  });
}

void ModeTable::chooser_rows(const Row* rows, Row* out) {
  constexpr std::uint64_t kWhole = std::uint64_t{1} << 31;
  for (std::size_t row = 0; row < kRows; ++row) {
    const Row& below = rows[row];
    std::array<std::uint64_t, kModes> chance{};
    for (std::size_t m = 0; m < kModes; ++m) {
      chance[m] = (m + 1 < kModes ? below[m] : kWhole) - (m > 0 ? below[m - 1] : 0);
    }
    for (const bool can_cycle : {false, true}) {
      for (const bool has_car : {false, true}) {
        std::array<std::uint64_t, kModes> open = chance;
        if (!can_cycle) open[kBicycle] = 0;
        if (!has_car) open[kCar] = 0;
        std::uint64_t total = 0;
        for (std::uint64_t c : open) total += c;
        Row& to = out[row * 4 + (can_cycle ? 2 : 0) + (has_car ? 1 : 0)];
        if (total == 0) {
          to = {0, 0, 0, static_cast<std::uint32_t>(kWhole)};  // taxis only
          continue;
        }
        std::uint64_t cumulative = 0;
        for (std::size_t m = 0; m + 1 < kModes; ++m) {
          cumulative += open[m];
          to[m] = static_cast<std::uint32_t>((cumulative * kWhole + total / 2) / total);  // exact integers
        }
      }
    }
  }
}

}  // namespace munisim
