// Channels that connect a simulation with something outside its scheduled systems (e.g. the world of
// several cities it belongs to): an inbound port is the one writer of a channel whose value is set
// from outside between two days; an outbound port reads a channel's value of the day so the outside
// can take it once the day is over. Each port is a registered system that does nothing when it runs
// (the value moves between days), so the scheduler still checks one writer per channel and
// writers before same-day readers.
#pragma once

#include <string>

#include "sim/core/registration.hpp"

namespace munisim {

template <class T>
class InboundPort {
 public:
  InboundPort(Registration& registration, const std::string& channel, const std::string& system)
      : writer_(registration.channels.publish<T>(channel, system)) {
    registration.scheduler.add(system, Cycle::daily(), [](const StepContext&) {});
    registration.scheduler.add_stateless(system);
  }
  // Between two days: the systems of the next day see `value`, whichever timing they read it with.
  void set_between_days(T value) { writer_.set_between_days(std::move(value)); }

 private:
  ChannelWriter<T> writer_;
};

template <class T>
class OutboundPort {
 public:
  // Register it after the channel's writer. Without a writer it sees a default-constructed T.
  OutboundPort(Registration& registration, const std::string& channel, const std::string& system)
      : reader_(registration.channels.read_optional<T>(channel, system, Timing::same_day)) {
    registration.scheduler.add(system, Cycle::daily(), [](const StepContext&) {});
    registration.scheduler.add_stateless(system);
  }
  // The value the writer left on the day just run.
  [[nodiscard]] const T& value() const { return reader_.value(); }

 private:
  ChannelReader<T> reader_;
};

}  // namespace munisim
