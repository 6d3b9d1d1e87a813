// Channels between systems: one writer each, types checked, same-day readers after their writer,
// previous-day readers see yesterday's value.
#include "sim/core/channels.hpp"

#include <gtest/gtest.h>

#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"

namespace munisim {
namespace {

struct Backlog {
  double street_t = 0;
};

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

void run_days(Scheduler& scheduler, int days) {
  Parallelism parallel(1);
  for (int day = 0; day < days; ++day) scheduler.run_day(day, parallel, 1);
}

TEST(Channels, SameDayReaderSeesTodaysValueFromTheWriterBeforeIt) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  ChannelWriter<Backlog> writer = scheduler.channels().publish<Backlog>("waste.backlog", "writer");
  const ChannelReader<Backlog> reader = scheduler.channels().read<Backlog>("waste.backlog", "reader", Timing::same_day);
  std::vector<double> seen;
  scheduler.add("writer", Cycle::daily(), [&](const StepContext& step) { writer.set({10.0 * (step.day + 1)}); });
  scheduler.add("reader", Cycle::daily(), [&](const StepContext&) { seen.push_back(reader->street_t); });
  run_days(scheduler, 3);
  EXPECT_EQ(seen, (std::vector<double>{10, 20, 30}));
}

TEST(Channels, SameDayReaderBeforeItsWriterIsRefusedNamingBoth) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  static_cast<void>(scheduler.channels().read<Backlog>("waste.backlog", "department", Timing::same_day));
  static_cast<void>(scheduler.channels().publish<Backlog>("waste.backlog", "waste"));
  scheduler.add("department", Cycle::daily(), [](const StepContext&) {});
  scheduler.add("waste", Cycle::daily(), [](const StepContext&) {});
  const std::string message = error_of([&] { run_days(scheduler, 1); });
  EXPECT_NE(message.find("'department' reads channel 'waste.backlog' of the same day"), std::string::npos) << message;
  EXPECT_NE(message.find("its writer 'waste' does not run before it"), std::string::npos) << message;
}

TEST(Channels, PreviousDayReaderSeesYesterdaysValueSoCommandsCanFlowBackwards) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  Channels& channels = scheduler.channels();
  // The service runs first and obeys yesterday's command; the department decides after it.
  const ChannelReader<int> command = channels.read<int>("command", "service", Timing::previous_day);
  ChannelWriter<int> decide = channels.publish<int>("command", "department", -1);
  std::vector<int> obeyed;
  scheduler.add("service", Cycle::daily(), [&](const StepContext&) { obeyed.push_back(*command); });
  scheduler.add("department", Cycle::daily(), [&](const StepContext& step) { decide.set(100 + step.day); });
  run_days(scheduler, 4);
  EXPECT_EQ(obeyed, (std::vector<int>{-1, 100, 101, 102}));
}

TEST(Channels, PreviousDayValueStaysWhileAWeeklyWriterIsNotDue) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));  // a Wednesday
  Channels& channels = scheduler.channels();
  ChannelWriter<int> weekly = channels.publish<int>("plan", "planner");
  const ChannelReader<int> plan = channels.read<int>("plan", "service", Timing::previous_day);
  std::vector<int> seen;
  scheduler.add("planner", Cycle::weekly(Weekday::friday), [&](const StepContext& step) { weekly.set(step.day); });
  scheduler.add("service", Cycle::daily(), [&](const StepContext&) { seen.push_back(*plan); });
  run_days(scheduler, 5);
  EXPECT_EQ(seen, (std::vector<int>{0, 0, 0, 2, 2}));  // Friday is day 2; seen from Saturday on
}

TEST(Channels, ASecondWriterIsRefused) {
  Channels channels;
  static_cast<void>(channels.publish<Backlog>("waste.backlog", "waste.street"));
  const std::string message = error_of([&] { static_cast<void>(channels.publish<Backlog>("waste.backlog", "other")); });
  EXPECT_EQ(message, "channel 'waste.backlog' already has the writer 'waste.street'; 'other' cannot write it too");
}

TEST(Channels, ATypeMismatchIsRefusedWithBothTypes) {
  Channels channels;
  static_cast<void>(channels.publish<Backlog>("waste.backlog", "waste.street"));
  const std::string message =
      error_of([&] { static_cast<void>(channels.read<double>("waste.backlog", "reader", Timing::same_day)); });
  EXPECT_EQ(message, "channel 'waste.backlog' holds munisim::(anonymous namespace)::Backlog, not double");
}

TEST(Channels, AReadOfAChannelNobodyPublishesIsRefusedUnlessOptional) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  static_cast<void>(scheduler.channels().read<int>("nobody.writes", "reader", Timing::same_day));
  scheduler.add("reader", Cycle::daily(), [](const StepContext&) {});
  EXPECT_EQ(error_of([&] { scheduler.seal(); }),
            "system 'reader' reads channel 'nobody.writes', which no system publishes");

  Scheduler optional(Calendar(Date{2025, 1, 1}));
  const ChannelReader<Backlog> none =
      optional.channels().read_optional<Backlog>("department.orders", "reader", Timing::previous_day);
  std::vector<double> seen;
  optional.add("reader", Cycle::daily(), [&](const StepContext&) { seen.push_back(none->street_t); });
  run_days(optional, 2);
  EXPECT_EQ(seen, (std::vector<double>{0, 0}));
}

TEST(Channels, WritersAndReadersMustBeRegisteredSystems) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  static_cast<void>(scheduler.channels().publish<int>("count", "ghost"));
  EXPECT_EQ(error_of([&] { scheduler.seal(); }),
            "channel 'count' names 'ghost' as its writer, which is not a registered system");
}

}  // namespace
}  // namespace munisim
