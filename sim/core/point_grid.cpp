// Uniform-grid nearest-point search: rings of cells around the query until no unsearched cell can
// hold a closer point.
#include "sim/core/point_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

constexpr double kPointsPerCell = 2;  // few points to scan per cell, few empty cells to visit

}  // namespace

PointGrid::PointGrid(std::span<const double> x_m, std::span<const double> y_m) {
  if (x_m.size() != y_m.size()) throw Error("PointGrid needs as many y as x coordinates");
  if (x_m.empty()) return;
  const auto [min_x, max_x] = std::minmax_element(x_m.begin(), x_m.end());
  const auto [min_y, max_y] = std::minmax_element(y_m.begin(), y_m.end());
  min_x_m_ = *min_x;
  min_y_m_ = *min_y;
  const double width = *max_x - *min_x;
  const double height = *max_y - *min_y;
  const double cells_wanted = static_cast<double>(x_m.size()) / kPointsPerCell;
  // Square cells covering the bounding box; a degenerate box (a line or one point) still works.
  const double area = std::max(width, 1e-9) * std::max(height, 1e-9);
  cell_m_ = std::max({std::sqrt(area / cells_wanted), width / cells_wanted, height / cells_wanted, 1e-9});
  columns_ = static_cast<std::int64_t>(width / cell_m_) + 1;
  rows_ = static_cast<std::int64_t>(height / cell_m_) + 1;

  std::vector<std::size_t> cell_of(x_m.size());
  cell_start_.assign(static_cast<std::size_t>(columns_ * rows_) + 1, 0);
  for (std::size_t i = 0; i < x_m.size(); ++i) {
    cell_of[i] = static_cast<std::size_t>(cell_coordinate(y_m[i], min_y_m_, rows_) * columns_ +
                                          cell_coordinate(x_m[i], min_x_m_, columns_));
    ++cell_start_[cell_of[i] + 1];
  }
  for (std::size_t cell = 1; cell < cell_start_.size(); ++cell) cell_start_[cell] += cell_start_[cell - 1];
  std::vector<std::size_t> next(cell_start_.begin(), cell_start_.end() - 1);
  points_.resize(x_m.size());
  for (std::size_t i = 0; i < x_m.size(); ++i)
    points_[next[cell_of[i]]++] = {x_m[i], y_m[i], static_cast<std::uint32_t>(i)};
}

std::int64_t PointGrid::cell_coordinate(double value_m, double origin_m, std::int64_t cells) const {
  const double cell = std::floor((value_m - origin_m) / cell_m_);
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::clamp(cell, -1.0, 1e18)), 0, cells - 1);
}

std::uint32_t PointGrid::nearest(double x_m, double y_m) const {
  if (points_.empty()) throw Error("nearest point asked of an empty set");
  if (!std::isfinite(x_m) || !std::isfinite(y_m)) throw Error("nearest point asked for a non-finite position");
  const std::int64_t cx = cell_coordinate(x_m, min_x_m_, columns_);
  const std::int64_t cy = cell_coordinate(y_m, min_y_m_, rows_);
  double best_d2 = std::numeric_limits<double>::infinity();
  std::uint32_t best = 0;
  auto scan = [&](std::int64_t x, std::int64_t y) {
    if (x < 0 || y < 0 || x >= columns_ || y >= rows_) return;
    const auto cell = static_cast<std::size_t>(y * columns_ + x);
    for (std::size_t i = cell_start_[cell]; i < cell_start_[cell + 1]; ++i) {
      const double dx = points_[i].x_m - x_m;
      const double dy = points_[i].y_m - y_m;
      const double d2 = dx * dx + dy * dy;
      if (d2 < best_d2 || (d2 == best_d2 && points_[i].index < best)) {
        best_d2 = d2;
        best = points_[i].index;
      }
    }
  };
  for (std::int64_t r = 0;; ++r) {
    if (r == 0) {
      scan(cx, cy);
    } else {
      for (std::int64_t x = cx - r; x <= cx + r; ++x) {
        scan(x, cy - r);
        scan(x, cy + r);
      }
      for (std::int64_t y = cy - r + 1; y <= cy + r - 1; ++y) {
        scan(cx - r, y);
        scan(cx + r, y);
      }
    }
    // Distance from the query to the nearest cell not yet scanned; sides already at the grid's
    // edge have nothing beyond them.
    double bound = std::numeric_limits<double>::infinity();
    if (cx - r > 0) bound = std::min(bound, x_m - (min_x_m_ + static_cast<double>(cx - r) * cell_m_));
    if (cx + r < columns_ - 1) bound = std::min(bound, min_x_m_ + static_cast<double>(cx + r + 1) * cell_m_ - x_m);
    if (cy - r > 0) bound = std::min(bound, y_m - (min_y_m_ + static_cast<double>(cy - r) * cell_m_));
    if (cy + r < rows_ - 1) bound = std::min(bound, min_y_m_ + static_cast<double>(cy + r + 1) * cell_m_ - y_m);
    if (bound == std::numeric_limits<double>::infinity()) return best;
    if (bound > 0 && bound * bound > best_d2) return best;
  }
}

}  // namespace munisim
