#include "sim/governance/mechanisms.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

TEST(MechanismSchedule, ModelSetsTheFirstDayAndEntriesSwitchFromTheirDates) {
  GovernanceConfig config;
  config.model = "integrated";
  config.mechanisms = {{"shared_fleet", Date{2025, 1, 11}, false}, {"shared_fleet", Date{2025, 1, 21}, true}};
  const MechanismSchedule schedule(config, Calendar(Date{2025, 1, 1}));
  EXPECT_TRUE(schedule.on(kSharedFleet, 0));
  EXPECT_TRUE(schedule.on(kSharedFleet, 9));
  EXPECT_FALSE(schedule.on(kSharedFleet, 10));
  EXPECT_TRUE(schedule.on(kSharedFleet, 20));
  EXPECT_TRUE(schedule.on(kOneStop, 100));
}

TEST(MechanismSchedule, SiloedHasNoMechanismUntilOneIsSwitchedOn) {
  GovernanceConfig config;
  config.mechanisms = {{"complaint_app", Date{2024, 6, 1}, true}, {"gps_fleet_tracking", Date{2025, 3, 1}, true}};
  const MechanismSchedule schedule(config, Calendar(Date{2025, 1, 1}));
  EXPECT_TRUE(schedule.on(kComplaintApp, 0));  // dated before the run: from the first day
  EXPECT_FALSE(schedule.on(kGpsTracking, 58));
  EXPECT_TRUE(schedule.on(kGpsTracking, 59));
  EXPECT_FALSE(schedule.on(kAutoRouting, 300));
}

}  // namespace
}  // namespace munisim
