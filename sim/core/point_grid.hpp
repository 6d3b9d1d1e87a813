// A uniform-grid bucket index over fixed 2-D points, for nearest-point queries in about constant
// time (snapping addresses and facilities to road nodes on networks of 10^5-10^6 nodes).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace munisim {

class PointGrid {
 public:
  PointGrid() = default;
  // Point i is (x_m[i], y_m[i]); the spans must have equal lengths.
  PointGrid(std::span<const double> x_m, std::span<const double> y_m);

  [[nodiscard]] bool empty() const noexcept { return points_.empty(); }
  // Index of the point closest to (x, y); the lowest index among equally close points, exactly
  // as a scan over all points would answer. Throws Error when there are no points.
  [[nodiscard]] std::uint32_t nearest(double x_m, double y_m) const;

 private:
  struct Point {
    double x_m, y_m;
    std::uint32_t index;
  };
  [[nodiscard]] std::int64_t cell_coordinate(double value_m, double origin_m, std::int64_t cells) const;

  double min_x_m_ = 0, min_y_m_ = 0, cell_m_ = 1;
  std::int64_t columns_ = 0, rows_ = 0;
  std::vector<std::size_t> cell_start_;  // columns * rows + 1 offsets into points_
  std::vector<Point> points_;            // grouped by cell, row-major
};

}  // namespace munisim
