// What riders and operators expect of a day: a running average of what days of the same kind
// brought (weekdays, Saturdays, Sundays apart), so that a Monday is planned and ridden from the
// last weekday, not from the Sunday before it (docs/mobility.md).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace munisim::mobility_detail {

inline constexpr std::size_t kDayKinds = 3;  // Monday to Friday, Saturday, Sunday

// weekday: 0 Monday ... 6 Sunday.
constexpr std::size_t day_kind(std::size_t weekday) { return weekday < 5 ? 0 : weekday - 4; }

class DayKindMemory {
 public:
  DayKindMemory() = default;
  // by_kind false: one memory for every day (tomorrow expects today, whatever the day).
  DayKindMemory(std::size_t cells, bool by_kind) : cells_(cells), by_kind_(by_kind), values_(kDayKinds * cells, 0.0) {}

  // Blends today's cells (as many as the memory's) into the memory of today's kind of day with weight `share` (method of
  // successive averages); the first day of a kind is taken whole. At share 1 today's values are
  // copied, so the memory holds exactly the last day of the kind.
  void remember(std::size_t weekday, const std::vector<double>& today, double share);

  // The expectation for a day: its kind's memory, or, before any day of that kind was seen, the
  // latest day remembered (zeros before any).
  [[nodiscard]] std::span<const double> expected(std::size_t weekday) const;

  template <class Archive>
  void persist(Archive& archive) {
    archive(cells_, by_kind_, values_, seen_, latest_);
  }

 private:
  [[nodiscard]] std::size_t kind_of(std::size_t weekday) const { return by_kind_ ? day_kind(weekday) : 0; }

  std::size_t cells_ = 0;
  bool by_kind_ = false;
  std::vector<double> values_;  // [kind * cells + cell]
  std::array<bool, kDayKinds> seen_{};
  std::size_t latest_ = 0;  // kind of the latest day remembered
};

}  // namespace munisim::mobility_detail
