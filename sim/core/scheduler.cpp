#include "sim/core/scheduler.hpp"

#include "sim/core/error.hpp"

namespace munisim {

void Scheduler::add(std::string name, Cycle cycle, System system) {
  for (const Entry& entry : entries_) {
    if (entry.name == name) throw Error("system '" + name + "' is registered twice");
  }
  entries_.push_back({std::move(name), cycle, std::move(system)});
}

void Scheduler::run_day(int day, Parallelism& parallel, std::uint64_t seed) {
  const StepContext context{day, calendar_.date(day), calendar_, parallel, seed};
  for (const Entry& entry : entries_) {
    if (entry.cycle.due(calendar_, day)) entry.system(context);
  }
}

std::vector<std::string> Scheduler::order() const {
  std::vector<std::string> names;
  for (const Entry& entry : entries_) names.push_back(entry.name);
  return names;
}

}  // namespace munisim
