#include "sim/core/scheduler.hpp"

#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

TEST(Scheduler, RunsSystemsInDeclaredOrderOnTheirCycles) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));  // a Wednesday
  std::vector<std::string> log;
  scheduler.add("b.daily", Cycle::daily(),
                [&](const StepContext& step) { log.push_back("b" + std::to_string(step.day)); });
  scheduler.add("a.weekly", Cycle::weekly(Weekday::friday),
                [&](const StepContext& step) { log.push_back("a" + std::to_string(step.day)); });
  scheduler.add("c.monthly", Cycle::monthly(1), [&](const StepContext& step) {
    EXPECT_EQ(step.date.day, 1);
    log.push_back("c" + std::to_string(step.day));
  });
  Parallelism parallel(1);
  for (int day = 0; day < 3; ++day) scheduler.run_day(day, parallel, 7);
  EXPECT_EQ(log, (std::vector<std::string>{"b0", "c0", "b1", "b2", "a2"}));
  EXPECT_EQ(scheduler.order(), (std::vector<std::string>{"b.daily", "a.weekly", "c.monthly"}));
}

TEST(Scheduler, SkipsSystemsNotDueAcrossMonthEndsAndALeapYear) {
  Scheduler scheduler(Calendar(Date{2023, 12, 1}));
  std::vector<std::string> month_ends;
  int fridays = 0, leap_days = 0;
  scheduler.add("weekly", Cycle::weekly(Weekday::friday), [&](const StepContext& step) {
    EXPECT_EQ(step.date.weekday(), Weekday::friday);
    ++fridays;
  });
  scheduler.add("month_end", Cycle::monthly(31),
                [&](const StepContext& step) { month_ends.push_back(step.date.to_string()); });
  scheduler.add("leap_day", Cycle::annual(2, 29), [&](const StepContext&) { ++leap_days; });
  Parallelism parallel(1);
  for (int day = 0; day < 31 + 366; ++day) scheduler.run_day(day, parallel, 1);  // Dec 2023 to Dec 2024
  EXPECT_EQ(fridays, 57);
  EXPECT_EQ(leap_days, 1);
  ASSERT_EQ(month_ends.size(), 13u);
  EXPECT_EQ(month_ends[0], "2023-12-31");
  EXPECT_EQ(month_ends[2], "2024-02-29");
  EXPECT_EQ(month_ends[4], "2024-04-30");
}

TEST(Scheduler, PassesSeedAndDateAndRejectsDuplicates) {
  Scheduler scheduler(Calendar(Date{2025, 6, 30}));
  scheduler.add("check", Cycle::daily(), [](const StepContext& step) {
    EXPECT_EQ(step.seed, 99u);
    EXPECT_EQ(step.date, (Date{2025, 7, 1}));
  });
  Parallelism parallel(1);
  scheduler.run_day(1, parallel, 99);
  EXPECT_THROW(scheduler.add("check", Cycle::daily(), [](const StepContext&) {}), Error);
}

TEST(Scheduler, TimesEachSystemOnTheDaysItWasDue) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));  // a Wednesday
  constexpr double kSpin_s = 0.02;
  scheduler.add("spins", Cycle::daily(), [&](const StepContext&) {
    // Spins rather than sleeps, so that the process also uses CPU time meanwhile.
    const double start = monotonic_seconds();
    while (monotonic_seconds() - start < kSpin_s) {
    }
  });
  scheduler.add("fridays", Cycle::weekly(Weekday::friday), [](const StepContext&) {});
  scheduler.time_systems();
  Parallelism parallel(1);
  for (int day = 0; day < 3; ++day) scheduler.run_day(day, parallel, 1);
  const std::vector<SystemTiming> timings = scheduler.timings();
  ASSERT_EQ(timings.size(), 2u);
  EXPECT_EQ(timings[0].name, "spins");
  EXPECT_EQ(timings[0].runs, 3);
  EXPECT_GE(timings[0].wall_s, 3 * kSpin_s);
  EXPECT_GT(timings[0].cpu_s, 0.0);
  EXPECT_EQ(timings[1].name, "fridays");
  EXPECT_EQ(timings[1].runs, 1);
  EXPECT_GE(timings[1].wall_s, 0.0);
}

TEST(Scheduler, CountsRunsButReadsNoClockUntilAskedToTime) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  constexpr double kSpin_s = 0.005;
  scheduler.add("spins", Cycle::daily(), [&](const StepContext&) {
    const double start = monotonic_seconds();
    while (monotonic_seconds() - start < kSpin_s) {
    }
  });
  Parallelism parallel(1);
  for (int day = 0; day < 2; ++day) scheduler.run_day(day, parallel, 1);
  EXPECT_EQ(scheduler.timings()[0].runs, 2);
  EXPECT_EQ(scheduler.timings()[0].wall_s, 0.0);
  EXPECT_EQ(scheduler.timings()[0].cpu_s, 0.0);
  scheduler.time_systems();
  scheduler.run_day(2, parallel, 1);
  EXPECT_EQ(scheduler.timings()[0].runs, 3);
  EXPECT_GE(scheduler.timings()[0].wall_s, kSpin_s);
}

}  // namespace
}  // namespace munisim
