// Runs registered systems every day in the fixed order they were declared, each on its cycle, and
// owns the channels they exchange values through. Before the first day it seals: every channel
// read has a writer (unless optional), every writer and reader is a registered system, and every
// same-day read comes after its writer in the order.
// Systems that reach only their own state (Reach::own_state) run, in their order, alongside the
// others, until a system that reads their channels of the same day: the serial stretches of one
// service then fill with another's parallel work. Series stay the same, since what runs at once
// shares nothing but channels, whose previous-day values stay fixed until the day ends.
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

// What a system may touch besides channels and the city it only reads.
enum class Reach {
  any,        // what other systems keep too: it runs in the declared order
  own_state,  // only what the systems of its own state section keep: it may run alongside others
};

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

  // Systems run in the order they are added (see Reach); names must be unique. Error once sealed.
  void add(std::string name, Cycle cycle, System system, Reach reach = Reach::any);
  // Checks the channels against the order (see above); Error naming the channel and the systems.
  // run_day seals on the first day when it was not done before.
  // Also Error when a Reach::own_state system shares a state section with one that is not, or
  // reads a channel of the same day from one that is not.
  void seal();
  void run_day(int day, Parallelism& parallel, std::uint64_t seed);
  // From now on every system is clocked (wall and process CPU time) and runs in the declared order,
  // never alongside another, so that each one's timings are its own (CPU time is the whole
  // process's). Untimed runs read no clock: the process CPU clock is a system call that sums every
  // thread's time, and a world of 1,891 cities would read it 12.6 million times a year.
  void time_systems() noexcept { timed_ = true; }
  [[nodiscard]] std::vector<std::string> order() const;
  // How often each system ran over the days run by this scheduler, in the order they run, and,
  // from time_systems() on, the time it spent.
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
    Reach reach;
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
  struct SameDayRead {
    std::size_t reader, writer;
    const std::string* channel;
  };
  void check_reach(const std::vector<SameDayRead>& same_day) const;
  void plan_days(const std::vector<SameDayRead>& same_day);
  void run_due(Entry& entry, const StepContext& context);

  // The day's plan, set when sealing: the own_state systems, the others that run alongside them,
  // and the others that follow (from the first reading an own_state system's channel that day).
  std::vector<std::size_t> alongside_, meanwhile_, afterwards_;
  Calendar calendar_;
  std::vector<Entry> entries_;
  std::vector<State> states_;
  std::vector<std::string> stateless_;
  Channels channels_;
  bool sealed_ = false;
  bool timed_ = false;
};

}  // namespace munisim
