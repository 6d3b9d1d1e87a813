// What riders and operators expect of a day: a running average of what days of the same kind
// brought (weekdays, Saturdays, Sundays apart), so that a Monday is planned and ridden from the
// last weekday, not from the Sunday before it (docs/mobility.md).
#pragma once

#include <algorithm>
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
  // by_kind false: one memory for every day (tomorrow expects today, whatever the day). msa: the
  // steps shrink as 1/n with the days remembered (see remember).
  DayKindMemory(std::size_t cells, bool by_kind, bool msa = false)
      : cells_(cells), by_kind_(by_kind), msa_(msa), values_(kDayKinds * cells, 0.0) {}

  // Blends today's cells (as many as the memory's) into the memory of today's kind of day with
  // weight step(n, share), n the days of the kind remembered with today (method of successive
  // averages); the first day of a kind is taken whole. At share 1 today's values are copied, so
  // the memory holds exactly the last day of the kind.
  void remember(std::size_t weekday, const std::vector<double>& today, double share);

  // Weight of the n-th day (n >= 1): `share`, or with msa max(1/n, share), so the memory is the
  // mean of all days so far until the steps reach their floor `share`.
  [[nodiscard]] double step(std::size_t n, double share) const {
    return msa_ ? std::max(1.0 / static_cast<double>(n), share) : share;
  }

  // The expectation for a day: its kind's memory, or, before any day of that kind was seen, the
  // latest day remembered (zeros before any).
  [[nodiscard]] std::span<const double> expected(std::size_t weekday) const;

  template <class Archive>
  void persist(Archive& archive) {
    archive(cells_, by_kind_, msa_, values_, days_, latest_);
  }

 private:
  [[nodiscard]] std::size_t kind_of(std::size_t weekday) const { return by_kind_ ? day_kind(weekday) : 0; }

  std::size_t cells_ = 0;
  bool by_kind_ = false;
  bool msa_ = false;
  std::vector<double> values_;  // [kind * cells + cell]
  std::array<std::size_t, kDayKinds> days_{};  // days of each kind remembered
  std::size_t latest_ = 0;  // kind of the latest day remembered
};

}  // namespace munisim::mobility_detail
