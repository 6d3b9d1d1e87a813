// Planar polygons in local metric coordinates, so that district boundaries, service zones and
// catchments can answer "which area holds this point", "how large" and "where is its middle".
#pragma once

#include <limits>
#include <span>
#include <vector>

#include "sim/core/geo.hpp"

namespace munisim {

// Closed implicitly: the first point is not repeated at the end. Either orientation is accepted.
using Ring = std::vector<PointXY>;

struct Polygon {
  Ring outer{};
  std::vector<Ring> holes{};  // each inside outer, disjoint from the others
};

// Shoelace area: positive when the ring runs counter-clockwise (x east, y north).
[[nodiscard]] double ring_signed_area_m2(const Ring& ring);

// Whether two edges of the ring cross properly, each at a point inside both. Rings that only touch
// themselves at a vertex or run along themselves are not reported: they still bound an area.
[[nodiscard]] bool ring_self_intersects(const Ring& ring);

// A multipolygon: the union of its parts.
class Area {
 public:
  Area() = default;
  explicit Area(std::vector<Polygon> parts);

  // Even-odd ray casting per part, holes excluded. A point exactly on an edge is inside when the
  // area lies to its right or above it (a left or bottom edge) and outside otherwise, so a point on
  // the border between two areas that tile the plane belongs to exactly one of them.
  [[nodiscard]] bool contains(PointXY point) const;
  [[nodiscard]] double area_m2() const;  // outer rings minus holes
  // Area-weighted over the parts; may lie outside a concave area. Throws Error for an area of zero.
  [[nodiscard]] PointXY centroid() const;
  [[nodiscard]] std::span<const Polygon> parts() const noexcept { return parts_; }

  // Bounding box of all outer rings; infinitely inverted for an empty Area, which holds no point.
  [[nodiscard]] PointXY min() const noexcept { return min_; }
  [[nodiscard]] PointXY max() const noexcept { return max_; }

 private:
  std::vector<Polygon> parts_;
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  PointXY min_{kInfinity, kInfinity};
  PointXY max_{-kInfinity, -kInfinity};
};

}  // namespace munisim
