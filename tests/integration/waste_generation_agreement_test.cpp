// Household waste generation draws its daily lognormal factors as vectorised Box-Muller pairs
// (sim/core/vector_draws.hpp) since issue 14; before, each household drew one scalar normal. The
// new path is another draw from the same model: the demo's generated tonnes per district over its
// 30 days agree with the old path's within sampling error, and the separation decisions, which
// draw from their own streams, are untouched.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "sim/model/simulation.hpp"

namespace munisim {
namespace {

// scenarios/demo.yaml, 30 days, recorded with the scalar path (commit 815bd54).
constexpr std::array<double, 3> kOldGeneratedT = {454.8056533031679, 272.56932443964797, 136.36768837875402};

TEST(WasteGenerationAgreement, DemoDistrictTotalsAgreeWithTheScalarPathWithinSamplingError) {
  Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml"), 2);
  simulation.run();
  ASSERT_EQ(simulation.days_run(), 30);
  const Series& generated = *simulation.metrics().find("waste_generated_t");
  const auto district = simulation.city().households.column<std::uint32_t>("district");
  const auto size = simulation.city().households.column<std::uint32_t>("size");
  const double sigma = simulation.scenario().config.waste.generation.variation_sigma;
  for (std::size_t d = 0; d < kOldGeneratedT.size(); ++d) {
    double total = 0;
    for (int day = 0; day < simulation.days_run(); ++day) total += generated.get(day, d);
    // A household's daily kg is proportional to its size times a lognormal factor of relative sd
    // sqrt(exp(sigma^2) - 1), independent across households and days; two independent runs differ
    // by sqrt(2) times the sd of one total.
    double persons = 0, squares = 0;
    for (std::size_t h = 0; h < district.size(); ++h) {
      if (district[h] != d) continue;
      persons += size[h];
      squares += double(size[h]) * size[h];
    }
    const double relative_sd =
        std::sqrt(std::exp(sigma * sigma) - 1) * std::sqrt(squares * simulation.days_run()) / (persons * simulation.days_run());
    EXPECT_NEAR(total / kOldGeneratedT[d], 1.0, 5 * std::sqrt(2.0) * relative_sd) << "district " << d;
  }
}

}  // namespace
}  // namespace munisim
