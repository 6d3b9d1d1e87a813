// Runs registered systems every day in the fixed order they were declared, each on its cycle, and
// owns the channels they exchange values through. Before the first day it seals: every channel
// read has a writer (unless optional), every writer and reader is a registered system, and every
// same-day read comes after its writer in the order.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/channels.hpp"

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

  // Systems run in the order they are added; names must be unique. Error once sealed.
  void add(std::string name, Cycle cycle, System system);
  // Checks the channels against the order (see above); Error naming the channel and the systems.
  // run_day seals on the first day when it was not done before.
  void seal();
  void run_day(int day, Parallelism& parallel, std::uint64_t seed);
  [[nodiscard]] std::vector<std::string> order() const;
  [[nodiscard]] const Calendar& calendar() const noexcept { return calendar_; }
  [[nodiscard]] Channels& channels() noexcept { return channels_; }

 private:
  struct Entry {
    std::string name;
    Cycle cycle;
    System system;
  };
  // Position of system `name` in the order; Error naming `role` when it is not registered.
  [[nodiscard]] std::size_t position(const std::string& name, const std::string& channel, const char* role) const;

  Calendar calendar_;
  std::vector<Entry> entries_;
  Channels channels_;
  bool sealed_ = false;
};

}  // namespace munisim
