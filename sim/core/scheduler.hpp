// Runs registered systems every day in the fixed order they were declared, each on its cycle, and
// owns the channels they exchange values through. Before the first day it seals: every channel
// read has a writer (unless optional), every writer and reader is a registered system, and every
// same-day read comes after its writer in the order.
// For checkpoints every system either belongs to a state section (a hook that saves and restores
// what it keeps between days) or is declared stateless; saving refuses a run with any other.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/state_archive.hpp"
#include "sim/core/system_timings.hpp"

namespace munisim {

class Parallelism;

// The checkpoint section holding the channels' values.
inline constexpr const char* kChannelsSection = "channels";

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
  // Time spent in each system over the days run by this scheduler, in the order they run.
  [[nodiscard]] std::vector<SystemTiming> timings() const;

  // Section `section` of a checkpoint holds what `systems` keep between days. Error on a section
  // name used twice or a system already covered.
  void add_state(std::string section, std::vector<std::string> systems, StateHook hook);
  // `system` keeps nothing between days that it could not rebuild from the city and the config.
  void add_stateless(std::string system);
  // Each state section's bytes, in registration order, then the channels'. Error naming every
  // registered system that has neither a state section nor a stateless declaration.
  [[nodiscard]] std::vector<std::pair<std::string, std::vector<unsigned char>>> save_state() const;
  // Restores each state section and the channels from `section(name)`, which must return a
  // section's bytes or throw CheckpointError naming the missing one.
  void restore_state(const std::function<std::span<const unsigned char>(const std::string&)>& section);
  [[nodiscard]] const Calendar& calendar() const noexcept { return calendar_; }
  [[nodiscard]] Channels& channels() noexcept { return channels_; }

 private:
  struct Entry {
    std::string name;
    Cycle cycle;
    System system;
    int runs = 0;
    double wall_s = 0;
    double cpu_s = 0;
  };
  // Position of system `name` in the order; Error naming `role` when it is not registered.
  [[nodiscard]] std::size_t position(const std::string& name, const std::string& channel, const char* role) const;

  struct State {
    std::string section;
    std::vector<std::string> systems;
    StateHook hook;
  };
  [[nodiscard]] bool covered(const std::string& system) const;

  Calendar calendar_;
  std::vector<Entry> entries_;
  std::vector<State> states_;
  std::vector<std::string> stateless_;
  Channels channels_;
  bool sealed_ = false;
};

}  // namespace munisim
