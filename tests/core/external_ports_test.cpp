// Ports between a simulation and what runs it (sim/core/external_ports.hpp): a value set between two
// days is what readers of either timing see the next day; an outbound port holds the day's value.
#include <gtest/gtest.h>

#include "sim/core/external_ports.hpp"
#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

TEST(ExternalPorts, AValueSetBetweenDaysIsSeenTheNextDayByBothTimings) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  MetricsRegistry metrics(3);
  Parallelism parallel(1);
  Registration registration{scheduler, metrics, scheduler.channels(), parallel, 1};
  std::vector<int> previous_day_seen, same_day_seen;
  auto earlier = scheduler.channels().read<int>("x", "reader.early", Timing::previous_day);
  scheduler.add("reader.early", Cycle::daily(), [&](const StepContext&) { previous_day_seen.push_back(*earlier); });
  InboundPort<int> port(registration, "x", "port.in");
  auto later = scheduler.channels().read<int>("x", "reader.late", Timing::same_day);
  scheduler.add("reader.late", Cycle::daily(), [&](const StepContext&) { same_day_seen.push_back(*later); });
  scheduler.run_day(0, parallel, 1);
  port.set_between_days(5);
  scheduler.run_day(1, parallel, 1);
  scheduler.run_day(2, parallel, 1);
  EXPECT_EQ(previous_day_seen, (std::vector<int>{0, 5, 5}));
  EXPECT_EQ(same_day_seen, (std::vector<int>{0, 5, 5}));
}

TEST(ExternalPorts, AnOutboundPortHoldsTheValueTheWriterLeftThatDay) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  MetricsRegistry metrics(2);
  Parallelism parallel(1);
  Registration registration{scheduler, metrics, scheduler.channels(), parallel, 1};
  ChannelWriter<int> writer = scheduler.channels().publish<int>("y", "writer");
  scheduler.add("writer", Cycle::daily(), [&](const StepContext& step) { writer.set(10 * (step.day + 1)); });
  OutboundPort<int> port(registration, "y", "port.out");
  OutboundPort<double> silent(registration, "nobody.writes", "port.silent");
  scheduler.run_day(0, parallel, 1);
  EXPECT_EQ(port.value(), 10);
  scheduler.run_day(1, parallel, 1);
  EXPECT_EQ(port.value(), 20);
  EXPECT_EQ(silent.value(), 0.0);  // no writer: the default
}

}  // namespace
}  // namespace munisim
