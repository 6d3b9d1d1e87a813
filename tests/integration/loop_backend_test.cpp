// Both parallel-loop backends (oneTBB and plain std::threads, sim/core/parallel.hpp) run the same
// fixed blocks, so a whole run gives bit-identical series on either, and on one thread. The TSan
// stage (.ci/sanitize) runs on the threads backend; this test is what makes its findings about
// the same program.
#include <gtest/gtest.h>

#include <cstring>

#include "sim/core/parallel.hpp"
#include "sim/model/simulation.hpp"

namespace munisim {
namespace {

std::vector<std::vector<double>> run_series(int threads, LoopBackend backend) {
  // Governance and mobility on: every domain's parallel loops take part.
  Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml",
                                      {"days=4", "governance.enabled=true"}),
                        threads, backend);
  simulation.run();
  std::vector<std::vector<double>> values;
  for (const Series& series : simulation.metrics().all()) values.emplace_back(series.values().begin(), series.values().end());
  return values;
}

void expect_bit_identical(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].size(), b[i].size()) << "series " << i;
    EXPECT_EQ(std::memcmp(a[i].data(), b[i].data(), a[i].size() * sizeof(double)), 0) << "series " << i;
  }
}

TEST(LoopBackends, ThreadsBackendGivesTheSeriesOfOneThread) {
  expect_bit_identical(run_series(1, LoopBackend::threads), run_series(3, LoopBackend::threads));
}

TEST(LoopBackends, TbbAndThreadsGiveIdenticalSeries) {
  if (!loop_backend_available(LoopBackend::tbb)) GTEST_SKIP() << "built without oneTBB (MUNISIM_PARALLEL_BACKEND=threads)";
  expect_bit_identical(run_series(2, LoopBackend::tbb), run_series(2, LoopBackend::threads));
}

}  // namespace
}  // namespace munisim
