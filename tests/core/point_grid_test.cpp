#include "sim/core/point_grid.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

std::uint32_t scan_all(const std::vector<double>& x, const std::vector<double>& y, double px, double py) {
  std::uint32_t best = 0;
  double best_d2 = std::numeric_limits<double>::infinity();
  for (std::uint32_t i = 0; i < x.size(); ++i) {
    const double d2 = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
    if (d2 < best_d2) {
      best_d2 = d2;
      best = i;
    }
  }
  return best;
}

TEST(PointGrid, AgreesWithAFullScanInsideAndOutsideTheBox) {
  RandomStream stream(21, 0, 0, 0);
  std::vector<double> x, y;
  for (int i = 0; i < 5000; ++i) {
    // Clustered: most points in a dense core, a few far out, so many cells stay empty.
    const double spread = stream.bernoulli(0.9) ? 1000 : 20000;
    x.push_back(stream.normal(0, spread));
    y.push_back(stream.normal(0, spread / 3));
  }
  const PointGrid grid(x, y);
  for (int query = 0; query < 2000; ++query) {
    const double px = stream.uniform() * 100000 - 50000;
    const double py = stream.uniform() * 60000 - 30000;
    ASSERT_EQ(grid.nearest(px, py), scan_all(x, y, px, py)) << px << ", " << py;
  }
}

TEST(PointGrid, TiesGoToTheLowestIndexAndDegenerateSetsWork) {
  // A regular lattice with duplicates: every query on a lattice point has a tie.
  std::vector<double> x, y;
  for (int copy = 0; copy < 2; ++copy) {
    for (int i = 0; i < 20; ++i) {
      for (int j = 0; j < 20; ++j) {
        x.push_back(100.0 * i);
        y.push_back(100.0 * j);
      }
    }
  }
  const PointGrid lattice(x, y);
  for (double px = -50; px < 2050; px += 50) {
    for (double py = -50; py < 2050; py += 50) ASSERT_EQ(lattice.nearest(px, py), scan_all(x, y, px, py));
  }
  const std::vector<double> line_x = {0, 10, 20, 30}, line_y = {5, 5, 5, 5};
  EXPECT_EQ(PointGrid(line_x, line_y).nearest(18, -100), 2u);
  const std::vector<double> one = {3};
  EXPECT_EQ(PointGrid(one, one).nearest(1e9, -1e9), 0u);
  EXPECT_THROW((void)PointGrid().nearest(0, 0), Error);
  EXPECT_THROW((void)PointGrid(one, one).nearest(std::numeric_limits<double>::quiet_NaN(), 0), Error);
}

}  // namespace
}  // namespace munisim
