// Both parallel-loop backends (oneTBB and plain std::threads, sim/core/parallel.hpp) run the same
// fixed blocks, so a whole run gives bit-identical series on either, and on one thread. The TSan
// stage (.ci/sanitize) runs on the threads backend; this test is what makes its findings about
// the same program.
#include <gtest/gtest.h>

#include "sim/core/parallel.hpp"
#include "sim/model/simulation.hpp"
#include "tests/support/series_bits.hpp"

namespace munisim {
namespace {

testing::SeriesBits run_series(int threads, LoopBackend backend) {
  // Governance and mobility on: every domain's parallel loops take part.
  Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml",
                                      {"days=4", "governance.enabled=true"}),
                        threads, backend);
  simulation.run();
  return testing::all_series(simulation);
}

TEST(LoopBackends, ThreadsBackendGivesTheSeriesOfOneThread) {
  EXPECT_EQ(testing::first_differing_series(run_series(1, LoopBackend::threads), run_series(3, LoopBackend::threads)), "");
}

TEST(LoopBackends, TbbAndThreadsGiveIdenticalSeries) {
  if (!loop_backend_available(LoopBackend::tbb)) GTEST_SKIP() << "built without oneTBB (MUNISIM_PARALLEL_BACKEND=threads)";
  EXPECT_EQ(testing::first_differing_series(run_series(2, LoopBackend::tbb), run_series(2, LoopBackend::threads)), "");
}

}  // namespace
}  // namespace munisim
