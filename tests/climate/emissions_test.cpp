#include "sim/climate/emissions.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace munisim {
namespace {

TEST(Emissions, FuelsUseTheirFactors) {
  const ClimateConfig climate;
  EXPECT_DOUBLE_EQ(fuel_tco2e(climate, Fuel::diesel, 1000), 2.68);
  EXPECT_DOUBLE_EQ(fuel_tco2e(climate, Fuel::cng, 1000), 2.69);
  EXPECT_DOUBLE_EQ(fuel_tco2e(climate, Fuel::electric, 1000), 0.2665);
  EXPECT_EQ(fuel_from_name("electric"), Fuel::electric);
}

TEST(Emissions, CommittedMethaneFollowsIpccFirstOrderParameters) {
  const ClimateConfig climate;
  // One tonne of food waste at an open dump: 0.15 DOC x 0.5 DOCf x 0.8 MCF x 0.5 F x 16/12 = 0.04 t CH4.
  const std::vector<double> food_only = {1, 0, 0, 0, 0, 0};
  EXPECT_NEAR(committed_methane_tco2e(climate, 1, food_only, {0.8, 0, 0}), 0.04 * 27, 1e-12);
  // A covered landfill (MCF 1, 10 % oxidised): 0.05 x 0.9 t CH4.
  EXPECT_NEAR(committed_methane_tco2e(climate, 1, food_only, {1.0, 0.1, 0}), 0.045 * 27, 1e-12);
  // Trujillo's composition: DOC = 0.706 x 0.15 + 0.105 x 0.40 = 0.1479.
  const std::vector<double> trujillo = {0.706, 0.105, 0.089, 0.03, 0.01, 0.06};
  EXPECT_NEAR(committed_methane_tco2e(climate, 100, trujillo, {0.8, 0, 0}),
              100 * 0.1479 * 0.5 * 0.8 * 0.5 * 16 / 12 * 27, 1e-9);
  // Capturing half the gas halves what escapes.
  EXPECT_NEAR(committed_methane_tco2e(climate, 1, food_only, {1.0, 0.1, 0.5}), 0.5 * 0.045 * 27, 1e-12);
  // Plastic, glass and metal release no methane.
  EXPECT_EQ(committed_methane_tco2e(climate, 5, std::vector<double>{0, 0, 0.5, 0.3, 0.2, 0}, {0.8, 0, 0}), 0);
}

}  // namespace
}  // namespace munisim

namespace munisim {
namespace {

TEST(FirstOrderDecay, ReleasesTheCommittedMethaneAtRateK) {
  ClimateConfig climate;
  climate.decay_rate_per_yr = 0.065;
  const std::vector<double> food_only = {1, 0, 0, 0, 0, 0};
  const DisposalSite dump{0.8, 0, 0};
  FirstOrderDecay decay;
  decay.deposit(climate, 1000, food_only, dump);
  double released = 0;
  for (int day = 0; day < 365; ++day) released += decay.release_day(climate, dump);
  const double committed = committed_methane_tco2e(climate, 1000, food_only, dump);
  // After one year a share 1 - e^-k has decomposed, exactly, at a daily step.
  EXPECT_NEAR(released, committed * -std::expm1(-0.065), 1e-9 * committed);
  for (int day = 365; day < 365 * 200; ++day) released += decay.release_day(climate, dump);
  EXPECT_NEAR(released, committed, 1e-4 * committed);  // two centuries: (almost) all of it
}

TEST(FirstOrderDecay, CaptureAndOxidationApplyAtRelease) {
  ClimateConfig climate;
  const std::vector<double> food_only = {1, 0, 0, 0, 0, 0};
  FirstOrderDecay open, captured;
  open.deposit(climate, 10, food_only, {1.0, 0, 0});
  captured.deposit(climate, 10, food_only, {1.0, 0, 0});
  EXPECT_NEAR(captured.release_day(climate, {1.0, 0.1, 0.5}), 0.45 * open.release_day(climate, {1.0, 0, 0}), 1e-15);
}

}  // namespace
}  // namespace munisim
