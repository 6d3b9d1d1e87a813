// Systems that reach only their own state run alongside the others (sim/core/scheduler.hpp): at
// the same time on two threads, in their declared order among themselves, before any system that
// reads their channels of the same day; and never at once when timed one at a time or on one thread.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"

namespace munisim {
namespace {

// Two systems meet when each reaches the meeting while the other is still running: then they ran
// at the same time. Waits a bounded time, so systems run one after the other fail the test rather
// than hang.
class Meeting {
 public:
  // Whether the other side arrived within `patience`.
  bool arrive(std::chrono::seconds patience = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    ++arrived_;
    arrived_changed_.notify_all();
    return arrived_changed_.wait_for(lock, patience, [&] { return arrived_ >= 2; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_changed_;
  int arrived_ = 0;
};

// The message sealing refuses `scheduler` with, or "sealed".
std::string seal_error(Scheduler& scheduler) {
  try {
    scheduler.seal();
    return "sealed";
  } catch (const Error& error) {
    return error.what();
  }
}

struct Log {
  std::mutex mutex;
  std::vector<std::string> entries;
  void add(std::string entry) {
    const std::lock_guard lock(mutex);
    entries.push_back(std::move(entry));
  }
};

TEST(SchedulerOverlap, OwnStateSystemsRunAtTheSameTimeAsTheOthersBeforeTheirSameDayReaders) {
  for (LoopBackend backend : {LoopBackend::tbb, LoopBackend::threads}) {
    if (!loop_backend_available(backend)) continue;
    Scheduler scheduler(Calendar(Date{2025, 1, 1}));
    ChannelWriter<int> trips = scheduler.channels().publish<int>("trips", "travel");
    const ChannelReader<int> read_trips = scheduler.channels().read<int>("trips", "observe", Timing::same_day);
    Meeting meeting;
    Log log;
    bool met_by_waste = false, met_by_travel = false;
    int observed = 0;
    scheduler.add("waste", Cycle::daily(), [&](const StepContext&) {
      met_by_waste = meeting.arrive();
      log.add("waste");
    });
    scheduler.add(
        "measures", Cycle::daily(), [&](const StepContext&) { log.add("measures"); }, Reach::own_state);
    scheduler.add(
        "travel", Cycle::daily(),
        [&](const StepContext&) {
          met_by_travel = meeting.arrive();
          trips.set(42);
          log.add("travel");
        },
        Reach::own_state);
    scheduler.add("observe", Cycle::daily(), [&](const StepContext&) {
      observed = *read_trips;
      log.add("observe");
    });
    Parallelism parallel(2, backend);
    scheduler.run_day(0, parallel, 1);
    EXPECT_TRUE(met_by_waste && met_by_travel) << "waste and travel ran one after the other";
    EXPECT_EQ(observed, 42) << "the same-day reader ran before the writer it reads";
    ASSERT_EQ(log.entries.size(), 4u);
    EXPECT_EQ(log.entries.back(), "observe");
    const auto at = [&](const std::string& name) {
      return std::find(log.entries.begin(), log.entries.end(), name) - log.entries.begin();
    };
    EXPECT_LT(at("measures"), at("travel"));
  }
}

TEST(SchedulerOverlap, OneThreadAndTimedRunsKeepTheDeclaredOrder) {
  for (bool timed : {false, true}) {
    Scheduler scheduler(Calendar(Date{2025, 1, 1}));
    std::vector<std::string> log;
    scheduler.add("waste", Cycle::daily(), [&](const StepContext&) { log.push_back("waste"); });
    scheduler.add(
        "travel", Cycle::daily(), [&](const StepContext&) { log.push_back("travel"); }, Reach::own_state);
    scheduler.add("record", Cycle::daily(), [&](const StepContext&) { log.push_back("record"); });
    if (timed) scheduler.time_systems();
    Parallelism parallel(timed ? 2 : 1);
    scheduler.run_day(0, parallel, 1);
    EXPECT_EQ(log, (std::vector<std::string>{"waste", "travel", "record"})) << (timed ? "timed" : "one thread");
  }
}

TEST(SchedulerOverlap, AFailingSystemAlongsideReachesTheCaller) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  scheduler.add("waste", Cycle::daily(), [](const StepContext&) {});
  scheduler.add(
      "travel", Cycle::daily(), [](const StepContext&) { throw std::runtime_error("travel failed"); },
      Reach::own_state);
  Parallelism parallel(2);
  EXPECT_THROW(scheduler.run_day(0, parallel, 1), std::runtime_error);
}

TEST(SchedulerOverlap, AnOwnStateSystemReadingAnotherSystemsSameDayChannelIsRefused) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  static_cast<void>(scheduler.channels().publish<int>("set_out", "waste"));
  static_cast<void>(scheduler.channels().read<int>("set_out", "travel", Timing::same_day));
  scheduler.add("waste", Cycle::daily(), [](const StepContext&) {});
  scheduler.add(
      "travel", Cycle::daily(), [](const StepContext&) {}, Reach::own_state);
  EXPECT_EQ(seal_error(scheduler),
            "system 'travel' reaches only its own state, so it may run before 'waste', but reads its channel "
            "'set_out' of the same day; read the previous day's value");
}

TEST(SchedulerOverlap, AStateSectionMixingReachesIsRefused) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  scheduler.add("measures", Cycle::daily(), [](const StepContext&) {});
  scheduler.add(
      "travel", Cycle::daily(), [](const StepContext&) {}, Reach::own_state);
  scheduler.add_state("mobility", {"measures", "travel"}, StateHook{});
  EXPECT_EQ(seal_error(scheduler),
            "system 'travel' reaches only its own state, but shares state section 'mobility' with 'measures', "
            "which does not");
}

TEST(ParallelRunBoth, RunsBothOnEveryBackendAndPassesOnAFailure) {
  for (LoopBackend backend : {LoopBackend::tbb, LoopBackend::threads}) {
    if (!loop_backend_available(backend)) continue;
    for (int threads : {1, 2, 3}) {
      Parallelism parallel(threads, backend);
      double first_sum = 0, second_sum = 0;
      auto first = [&] { first_sum = sum_blocks(parallel, 50000, [](std::size_t i) { return 1.0 / static_cast<double>(i + 1); }); };
      auto second = [&] { second_sum = sum_blocks(parallel, 70000, [](std::size_t i) { return static_cast<double>(i % 7); }); };
      parallel.run_both(first, second);
      Parallelism serial(1);
      EXPECT_EQ(first_sum, sum_blocks(serial, 50000, [](std::size_t i) { return 1.0 / static_cast<double>(i + 1); }));
      EXPECT_EQ(second_sum, sum_blocks(serial, 70000, [](std::size_t i) { return static_cast<double>(i % 7); }));
      auto fails = [] { throw std::runtime_error("second failed"); };
      EXPECT_THROW(parallel.run_both(first, fails), std::runtime_error) << threads << " threads";
    }
  }
}

// Two bad inputs read side by side must name the same one at any thread count: the first's.
TEST(ParallelRunBoth, WhenBothFailTheFirstFailureIsTheOneReported) {
  for (LoopBackend backend : {LoopBackend::tbb, LoopBackend::threads}) {
    if (!loop_backend_available(backend)) continue;
    for (int threads : {1, 2, 3}) {
      Parallelism parallel(threads, backend);
      auto first = [] { throw std::runtime_error("first failed"); };
      auto second = [] { throw std::runtime_error("second failed"); };
      for (int repeat = 0; repeat < 20; ++repeat) {
        try {
          parallel.run_both(first, second);
          ADD_FAILURE() << "nothing thrown";
        } catch (const std::runtime_error& error) {
          ASSERT_STREQ(error.what(), "first failed") << threads << " threads";
        }
      }
    }
  }
}

}  // namespace
}  // namespace munisim
