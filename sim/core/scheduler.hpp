// Runs registered systems every day in the fixed order they were declared, each on its cycle.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"

namespace munisim {

class Parallelism;

struct StepContext {
  int day;
  Date date;
  const Calendar& calendar;
  Parallelism& parallel;
  std::uint64_t seed;
};

class Scheduler {
 public:
  using System = std::function<void(const StepContext&)>;

  explicit Scheduler(Calendar calendar) : calendar_(calendar) {}

  // Systems run in the order they are added; names must be unique.
  void add(std::string name, Cycle cycle, System system);
  void run_day(int day, Parallelism& parallel, std::uint64_t seed);
  [[nodiscard]] std::vector<std::string> order() const;
  [[nodiscard]] const Calendar& calendar() const noexcept { return calendar_; }

 private:
  struct Entry {
    std::string name;
    Cycle cycle;
    System system;
  };
  Calendar calendar_;
  std::vector<Entry> entries_;
};

}  // namespace munisim
