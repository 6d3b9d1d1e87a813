#include "sim/mobility/day_kind_memory.hpp"

#include <algorithm>

namespace munisim::mobility_detail {

void DayKindMemory::remember(std::size_t weekday, const std::vector<double>& today, double share) {
  const std::size_t kind = kind_of(weekday);
  double* memory = values_.data() + kind * cells_;
  const double weight = step(++days_[kind], share);
  if (days_[kind] == 1 || weight >= 1) {
    std::copy(today.begin(), today.end(), memory);
  } else {
    for (std::size_t i = 0; i < cells_; ++i) memory[i] += weight * (today[i] - memory[i]);
  }
  latest_ = kind;
}

std::span<const double> DayKindMemory::expected(std::size_t weekday) const {
  const std::size_t kind = days_[kind_of(weekday)] > 0 ? kind_of(weekday) : latest_;
  return {values_.data() + kind * cells_, cells_};
}

}  // namespace munisim::mobility_detail
