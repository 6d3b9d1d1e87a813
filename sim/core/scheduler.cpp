#include "sim/core/scheduler.hpp"

#include <algorithm>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"

namespace munisim {

void Scheduler::add(std::string name, Cycle cycle, System system, Reach reach) {
  if (sealed_) throw Error("system '" + name + "' is registered after the first day ran");
  for (const Entry& entry : entries_) {
    if (entry.name == name) throw Error("system '" + name + "' is registered twice");
  }
  entries_.push_back({std::move(name), cycle, std::move(system), reach});
}

std::size_t Scheduler::position(const std::string& name, const std::string& channel, const char* role) const {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].name == name) return i;
  }
  throw Error("channel '" + channel + "' names '" + name + "' as its " + role + ", which is not a registered system");
}

void Scheduler::seal() {
  channels_.check_published();
  for (const auto& [channel, writer] : channels_.writers()) {
    if (!writer.empty()) static_cast<void>(position(writer, channel, "writer"));
  }
  std::vector<SameDayRead> same_day;
  for (const Channels::Read& read : channels_.reads()) {
    const std::size_t reader = position(read.system, read.channel, "reader");
    const std::string writer = channels_.writer(read.channel);
    if (read.timing != Timing::same_day || writer.empty()) continue;
    same_day.push_back({reader, position(writer, read.channel, "writer"), &read.channel});
    if (same_day.back().writer >= reader) {
      throw Error("system '" + read.system + "' reads channel '" + read.channel +
                  "' of the same day, but its writer '" + writer + "' does not run before it; register '" + writer +
                  "' first or read the previous day's value");
    }
  }
  check_reach(same_day);
  plan_days(same_day);
  sealed_ = true;
}

void Scheduler::check_reach(const std::vector<SameDayRead>& same_day) const {
  for (const State& state : states_) {
    const std::string* own = nullptr;
    const std::string* other = nullptr;
    for (const std::string& system : state.systems) {
      const auto entry = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == system; });
      if (entry == entries_.end()) continue;  // save_state reports it
      (entry->reach == Reach::own_state ? own : other) = &system;
    }
    if (own != nullptr && other != nullptr) {
      throw Error("system '" + *own + "' reaches only its own state, but shares state section '" + state.section +
                  "' with '" + *other + "', which does not");
    }
  }
  for (const SameDayRead& read : same_day) {
    const Entry& reader = entries_[read.reader];
    const Entry& writer = entries_[read.writer];
    if (reader.reach == Reach::own_state && writer.reach != Reach::own_state) {
      throw Error("system '" + reader.name + "' reaches only its own state, so it may run before '" + writer.name +
                  "', but reads its channel '" + *read.channel + "' of the same day; read the previous day's value");
    }
  }
}

void Scheduler::plan_days(const std::vector<SameDayRead>& same_day) {
  // The other systems wait for the own_state ones from the first that reads one's channel.
  std::size_t follows = entries_.size();
  for (const SameDayRead& read : same_day) {
    if (entries_[read.reader].reach == Reach::any && entries_[read.writer].reach == Reach::own_state) {
      follows = std::min(follows, read.reader);
    }
  }
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].reach == Reach::own_state) {
      alongside_.push_back(i);
    } else {
      (i < follows ? meanwhile_ : afterwards_).push_back(i);
    }
  }
}

void Scheduler::run_due(Entry& entry, const StepContext& context) {
  if (!entry.cycle.due(context.date)) return;
  ++entry.runs;
  if (!timed_) {
    entry.system(context);
    return;
  }
  const double wall_start = monotonic_seconds();
  const double cpu_start = process_cpu_seconds();
  entry.system(context);
  entry.cpu_s += process_cpu_seconds() - cpu_start;
  entry.wall_s += monotonic_seconds() - wall_start;
}

void Scheduler::run_day(int day, Parallelism& parallel, std::uint64_t seed) {
  if (!sealed_) seal();
  const StepContext context{day, calendar_.date(day), calendar_, parallel, seed};
  if (timed_ || parallel.threads() == 1 || alongside_.empty() || meanwhile_.empty()) {
    for (Entry& entry : entries_) run_due(entry, context);
  } else {
    const auto run = [&](const std::vector<std::size_t>& systems) {
      return [&, systems = &systems] {
        for (std::size_t i : *systems) run_due(entries_[i], context);
      };
    };
    auto own_state = run(alongside_);
    auto others = run(meanwhile_);
    parallel.run_both(others, own_state);
    for (std::size_t i : afterwards_) run_due(entries_[i], context);
  }
  channels_.end_day();
}

void Scheduler::add_state(std::string section, std::vector<std::string> systems, StateHook hook) {
  if (section == kChannelsSection) throw Error("state section '" + section + "' is the scheduler's own");
  for (const State& state : states_) {
    if (state.section == section) throw Error("state section '" + section + "' is registered twice");
  }
  for (const std::string& system : systems) {
    if (covered(system)) throw Error("system '" + system + "' already has its state kept");
  }
  states_.push_back({std::move(section), std::move(systems), std::move(hook)});
}

void Scheduler::add_stateless(std::string system) {
  if (covered(system)) throw Error("system '" + system + "' already has its state kept");
  stateless_.push_back(std::move(system));
}

bool Scheduler::covered(const std::string& system) const {
  if (std::find(stateless_.begin(), stateless_.end(), system) != stateless_.end()) return true;
  return std::any_of(states_.begin(), states_.end(), [&](const State& state) {
    return std::find(state.systems.begin(), state.systems.end(), system) != state.systems.end();
  });
}

std::vector<std::pair<std::string, std::vector<unsigned char>>> Scheduler::save_state() const {
  std::string missing;
  for (const Entry& entry : entries_) {
    if (!covered(entry.name)) missing += (missing.empty() ? "'" : ", '") + entry.name + "'";
  }
  for (const State& state : states_) {
    for (const std::string& system : state.systems) {
      if (std::none_of(entries_.begin(), entries_.end(), [&](const Entry& entry) { return entry.name == system; })) {
        throw Error("state section '" + state.section + "' names '" + system + "', which is not a registered system");
      }
    }
  }
  if (!missing.empty()) {
    throw Error("cannot checkpoint: system(s) " + missing +
                " keep no state section; register one with Scheduler::add_state or declare them stateless "
                "(docs/checkpoint.md)");
  }
  std::vector<std::pair<std::string, std::vector<unsigned char>>> sections;
  for (const State& state : states_) {
    StateWriter writer;
    state.hook.save(writer);
    sections.emplace_back(state.section, writer.take());
  }
  StateWriter writer;
  channels_.save(writer);
  sections.emplace_back(kChannelsSection, writer.take());
  return sections;
}

void Scheduler::restore_state(const std::function<std::span<const unsigned char>(const std::string&)>& section) {
  if (!sealed_) seal();
  for (const State& state : states_) {
    StateReader reader(section(state.section), state.section);
    state.hook.restore(reader);
  }
  StateReader reader(section(kChannelsSection), kChannelsSection);
  channels_.restore(reader);
  reader.finish();
}

std::vector<std::string> Scheduler::order() const {
  std::vector<std::string> names;
  for (const Entry& entry : entries_) names.push_back(entry.name);
  return names;
}

std::vector<SystemTiming> Scheduler::timings() const {
  std::vector<SystemTiming> timings;
  for (const Entry& entry : entries_) timings.push_back({entry.name, entry.runs, entry.wall_s, entry.cpu_s});
  return timings;
}

}  // namespace munisim
