// Shoelace sums, half-open ray casting and a sort-by-x sweep for self-crossings.
#include "sim/core/polygon.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Signed area and first moments of a ring. Sums run relative to the first point so that
// coordinates far from the origin do not cancel away the digits of a small ring.
struct RingMoments {
  double signed_area = 0;
  double moment_x = 0;  // integral of x over the ring's area, x relative to the first point
  double moment_y = 0;
};

RingMoments ring_moments(const Ring& ring) {
  RingMoments moments;
  if (ring.size() < 3) return moments;
  const PointXY origin = ring.front();
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const PointXY& a = ring[i];
    const PointXY& b = ring[(i + 1) % ring.size()];
    const double ax = a.x_m - origin.x_m, ay = a.y_m - origin.y_m;
    const double bx = b.x_m - origin.x_m, by = b.y_m - origin.y_m;
    const double cross = ax * by - bx * ay;
    moments.signed_area += cross;
    moments.moment_x += (ax + bx) * cross;
    moments.moment_y += (ay + by) * cross;
  }
  moments.signed_area /= 2;
  moments.moment_x /= 6;
  moments.moment_y /= 6;
  return moments;
}

// Crossings of a rightward ray from the point with the ring's edges. Each edge counts for
// y in [lower end, upper end) and only when the point is strictly left of it; the crossing is
// computed from the edge's lower end whatever the ring's direction, so that two rings sharing an
// edge agree bit for bit on which side a point on it lies.
int ray_crossings(const Ring& ring, PointXY point) {
  int crossings = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    PointXY low = ring[i];
    PointXY high = ring[(i + 1) % ring.size()];
    if (low.y_m > high.y_m) std::swap(low, high);
    if (point.y_m < low.y_m || point.y_m >= high.y_m) continue;
    const double x = low.x_m + (point.y_m - low.y_m) * (high.x_m - low.x_m) / (high.y_m - low.y_m);
    if (point.x_m < x) ++crossings;
  }
  return crossings;
}

double orientation(PointXY a, PointXY b, PointXY c) {
  return (b.x_m - a.x_m) * (c.y_m - a.y_m) - (b.y_m - a.y_m) * (c.x_m - a.x_m);
}

bool opposite_sides(double side_a, double side_b) { return (side_a > 0 && side_b < 0) || (side_a < 0 && side_b > 0); }

bool cross_properly(PointXY a, PointXY b, PointXY c, PointXY d) {
  return opposite_sides(orientation(a, b, c), orientation(a, b, d)) &&
         opposite_sides(orientation(c, d, a), orientation(c, d, b));
}

}  // namespace

double ring_signed_area_m2(const Ring& ring) { return ring_moments(ring).signed_area; }

bool ring_self_intersects(const Ring& ring) {
  const std::size_t n = ring.size();
  if (n < 4) return false;  // the edges of a triangle all neighbour each other
  // Sweep along the axis in which edges are short compared with the ring's extent, so that each
  // edge meets few others within its own extent (a comb of long teeth in x is swept in y).
  double length_x = 0, length_y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    length_x += std::abs(ring[(i + 1) % n].x_m - ring[i].x_m);
    length_y += std::abs(ring[(i + 1) % n].y_m - ring[i].y_m);
  }
  const auto [min_x, max_x] =
      std::minmax_element(ring.begin(), ring.end(), [](PointXY a, PointXY b) { return a.x_m < b.x_m; });
  const auto [min_y, max_y] =
      std::minmax_element(ring.begin(), ring.end(), [](PointXY a, PointXY b) { return a.y_m < b.y_m; });
  const bool sweep_y = length_x * (max_y->y_m - min_y->y_m) > length_y * (max_x->x_m - min_x->x_m);
  auto along = [sweep_y](PointXY p) { return sweep_y ? p.y_m : p.x_m; };
  auto across = [sweep_y](PointXY p) { return sweep_y ? p.x_m : p.y_m; };

  struct Edge {
    double low, high;                // extent along the sweep axis
    double across_low, across_high;  // and across it
    std::size_t start;               // the edge runs from ring[start] to the next point
  };
  std::vector<Edge> edges(n);
  for (std::size_t i = 0; i < n; ++i) {
    const PointXY& a = ring[i];
    const PointXY& b = ring[(i + 1) % n];
    edges[i] = {std::min(along(a), along(b)), std::max(along(a), along(b)), std::min(across(a), across(b)),
                std::max(across(a), across(b)), i};
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.low < b.low; });
  for (std::size_t k = 0; k < n; ++k) {
    const Edge& e = edges[k];
    for (std::size_t m = k + 1; m < n && edges[m].low <= e.high; ++m) {
      const Edge& f = edges[m];
      if (f.across_low > e.across_high || f.across_high < e.across_low) continue;
      // Neighbouring edges share a point; skipped explicitly, since a fused multiply-add could give
      // the orientation of that shared point a sign.
      const std::size_t gap = e.start > f.start ? e.start - f.start : f.start - e.start;
      if (gap == 1 || gap == n - 1) continue;
      if (cross_properly(ring[e.start], ring[(e.start + 1) % n], ring[f.start], ring[(f.start + 1) % n])) return true;
    }
  }
  return false;
}

Area::Area(std::vector<Polygon> parts) : parts_(std::move(parts)) {
  for (const Polygon& part : parts_) {
    for (const PointXY& p : part.outer) {
      min_ = {std::min(min_.x_m, p.x_m), std::min(min_.y_m, p.y_m)};
      max_ = {std::max(max_.x_m, p.x_m), std::max(max_.y_m, p.y_m)};
    }
  }
}

bool Area::contains(PointXY point) const {
  if (point.x_m < min_.x_m || point.x_m > max_.x_m || point.y_m < min_.y_m || point.y_m > max_.y_m) return false;
  return std::any_of(parts_.begin(), parts_.end(), [point](const Polygon& part) {
    // Even-odd over the outer ring and its holes together: inside a hole means two crossings more.
    int crossings = ray_crossings(part.outer, point);
    for (const Ring& hole : part.holes) crossings += ray_crossings(hole, point);
    return crossings % 2 == 1;
  });
}

double Area::area_m2() const {
  double area = 0;
  for (const Polygon& part : parts_) {
    area += std::abs(ring_signed_area_m2(part.outer));
    for (const Ring& hole : part.holes) area -= std::abs(ring_signed_area_m2(hole));
  }
  return area;
}

PointXY Area::centroid() const {
  double area = 0, moment_x = 0, moment_y = 0;
  // A ring's moments share the sign of its area: flipping both by the ring's role (outer adds,
  // hole subtracts) makes the sum independent of how each ring is oriented.
  auto add = [&](const Ring& ring, double role) {
    if (ring.empty()) return;
    const RingMoments moments = ring_moments(ring);
    const double sign = moments.signed_area < 0 ? -role : role;
    area += sign * moments.signed_area;
    moment_x += sign * (moments.moment_x + moments.signed_area * ring.front().x_m);
    moment_y += sign * (moments.moment_y + moments.signed_area * ring.front().y_m);
  };
  for (const Polygon& part : parts_) {
    add(part.outer, 1);
    for (const Ring& hole : part.holes) add(hole, -1);
  }
  if (!(area > 0)) throw Error("centroid asked of an area with no extent");
  return {moment_x / area, moment_y / area};
}

}  // namespace munisim
