// The scheduler's state sections: a checkpoint holds each section's bytes and the channels', goes
// back into the same systems, and refuses a run where a system keeps no state section.
#include <gtest/gtest.h>

#include <memory>

#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"

namespace munisim {
namespace {

struct Stock {
  double tonnes = 0;
  template <class Archive>
  void persist(Archive& archive) {
    archive(tonnes);
  }
};

Scheduler scheduler_with(const std::shared_ptr<Stock>& stock) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  auto sent = scheduler.channels().publish<double>("sent", "grow");
  scheduler.add("grow", Cycle::daily(), [stock, sent](const StepContext&) mutable {
    stock->tonnes += 1.5;
    sent.set(stock->tonnes);
  });
  scheduler.add_state("stock", {"grow"}, state_hook(stock));
  static_cast<void>(scheduler.channels().read<double>("sent", "grow", Timing::previous_day));
  return scheduler;
}

TEST(SchedulerState, SectionsAndChannelsGoBackIntoTheSameSystems) {
  auto stock = std::make_shared<Stock>();
  Scheduler scheduler = scheduler_with(stock);
  Parallelism parallel(1);
  scheduler.run_day(0, parallel, 1);
  const auto sections = scheduler.save_state();
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].first, "stock");
  EXPECT_EQ(sections[1].first, kChannelsSection);

  auto restored = std::make_shared<Stock>();
  Scheduler again = scheduler_with(restored);
  again.restore_state([&](const std::string& name) -> std::span<const unsigned char> {
    for (const auto& [section, bytes] : sections) {
      if (section == name) return bytes;
    }
    throw CheckpointError("section '" + name + "' is missing");
  });
  EXPECT_EQ(restored->tonnes, 1.5);
  EXPECT_EQ(again.channels().read<double>("sent", "grow", Timing::previous_day).value(), 1.5);
}

TEST(SchedulerState, ASystemThatKeepsNoStateSectionStopsTheCheckpoint) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  scheduler.add("kept", Cycle::daily(), [](const StepContext&) {});
  scheduler.add_stateless("kept");
  scheduler.add("forgotten", Cycle::daily(), [](const StepContext&) {});
  try {
    static_cast<void>(scheduler.save_state());
    FAIL() << "saved without the state of 'forgotten'";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("'forgotten'"), std::string::npos) << error.what();
    EXPECT_EQ(std::string(error.what()).find("'kept'"), std::string::npos) << error.what();
  }
}

TEST(SchedulerState, ASectionNamingNoRegisteredSystemIsAnError) {
  Scheduler scheduler(Calendar(Date{2025, 1, 1}));
  scheduler.add("grow", Cycle::daily(), [](const StepContext&) {});
  scheduler.add_state("stock", {"grow", "groww"}, state_hook(std::make_shared<Stock>()));
  EXPECT_THROW(static_cast<void>(scheduler.save_state()), Error);
  EXPECT_THROW(scheduler.add_stateless("grow"), Error) << "a system is covered once";
}

}  // namespace
}  // namespace munisim
