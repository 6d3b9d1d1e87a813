#include "sim/core/scheduler.hpp"

#include "sim/core/error.hpp"

namespace munisim {

void Scheduler::add(std::string name, Cycle cycle, System system) {
  if (sealed_) throw Error("system '" + name + "' is registered after the first day ran");
  for (const Entry& entry : entries_) {
    if (entry.name == name) throw Error("system '" + name + "' is registered twice");
  }
  entries_.push_back({std::move(name), cycle, std::move(system)});
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
  for (const Channels::Read& read : channels_.reads()) {
    const std::size_t reader = position(read.system, read.channel, "reader");
    const std::string writer = channels_.writer(read.channel);
    if (read.timing != Timing::same_day || writer.empty()) continue;
    if (position(writer, read.channel, "writer") >= reader) {
      throw Error("system '" + read.system + "' reads channel '" + read.channel +
                  "' of the same day, but its writer '" + writer + "' does not run before it; register '" + writer +
                  "' first or read the previous day's value");
    }
  }
  sealed_ = true;
}

void Scheduler::run_day(int day, Parallelism& parallel, std::uint64_t seed) {
  if (!sealed_) seal();
  const StepContext context{day, calendar_.date(day), calendar_, parallel, seed};
  for (const Entry& entry : entries_) {
    if (entry.cycle.due(calendar_, day)) entry.system(context);
  }
  channels_.end_day();
}

std::vector<std::string> Scheduler::order() const {
  std::vector<std::string> names;
  for (const Entry& entry : entries_) names.push_back(entry.name);
  return names;
}

}  // namespace munisim
