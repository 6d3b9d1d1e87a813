// Merging runs through a hashed grid of cells as wide as the tolerance, filled as nodes are made: every node closer
// than the tolerance lies in the point's cell or one of its eight neighbours, so a point costs a few lookups and 10^5
// points take milliseconds.
#include "sim/data/polyline_network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <unordered_map>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Cells are keyed by a hash of their coordinates; cells that share a key share a bucket, which costs distance checks
// but never a wrong merge, as every candidate is measured.
class GrowingGrid {
 public:
  explicit GrowingGrid(double cell_m) : cell_m_(cell_m) {}

  void add(NodeId node, PointXY point) { buckets_[key(cell(point.x_m), cell(point.y_m))].push_back(node); }

  // Calls visit(node) for every node in the point's cell and the eight around it.
  template <typename Visit>
  void for_each_near(PointXY point, Visit&& visit) const {
    const std::int64_t cx = cell(point.x_m);
    const std::int64_t cy = cell(point.y_m);
    for (std::int64_t x = cx - 1; x <= cx + 1; ++x) {
      for (std::int64_t y = cy - 1; y <= cy + 1; ++y) {
        const auto found = buckets_.find(key(x, y));
        if (found == buckets_.end()) continue;
        for (const NodeId node : found->second) visit(node);
      }
    }
  }

 private:
  [[nodiscard]] std::int64_t cell(double value_m) const {
    return static_cast<std::int64_t>(std::floor(value_m / cell_m_));
  }
  [[nodiscard]] static std::uint64_t key(std::int64_t x, std::int64_t y) {
    return static_cast<std::uint64_t>(x) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(y);
  }

  double cell_m_;
  std::unordered_map<std::uint64_t, std::vector<NodeId>> buckets_;
};

constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

// Farther out than any city frame reaches: the one bound turns away NaN and infinities and keeps cell numbers within
// 64-bit integers.
constexpr double kMaxCoordinateM = 1e12;

void check_line(const RoadPolyline& line, std::size_t index) {
  const std::string path = "lines[" + std::to_string(index) + "]";
  if (!(line.speed_kmh > 0) || !std::isfinite(line.speed_kmh)) {
    throw InputError({}, path + ".speed_kmh", "is not a number above 0; expected a speed in km/h");
  }
  if (line.lanes < 1) {
    throw InputError({}, path + ".lanes", "is " + std::to_string(line.lanes) + "; expected 1 or more");
  }
  for (std::size_t i = 0; i < line.points.size(); ++i) {
    if (!(std::abs(line.points[i].x_m) < kMaxCoordinateM && std::abs(line.points[i].y_m) < kMaxCoordinateM)) {
      throw InputError({}, path + ".points[" + std::to_string(i) + "]",
                       "is not a finite position; expected metres in the city's frame");
    }
  }
}

struct Segment {
  NodeId a, b;
  double length_m, speed_kmh;
  int lanes;
};

}  // namespace

RoadNetwork network_from_polylines(const std::vector<RoadPolyline>& lines, const PolylineNetworkOptions& options) {
  const double tolerance = options.merge_tolerance_m;
  if (!(tolerance >= 0) || !(tolerance < kMaxCoordinateM)) {
    throw InputError({}, "merge_tolerance_m", "is negative or not finite; expected a distance of 0 or more in metres");
  }
  for (std::size_t i = 0; i < lines.size(); ++i) check_line(lines[i], i);

  const double tolerance_d2 = tolerance * tolerance;
  // A cell no narrower than a metre keeps a tolerance of 0 (exact merges only) from making cells of nothing.
  GrowingGrid grid(std::max(tolerance, 1.0));
  std::vector<PointXY> nodes;
  std::vector<std::size_t> last_line;  // the last polyline that used each node, to keep a line from merging with itself
  std::vector<Segment> segments;
  std::unordered_map<std::uint64_t, std::size_t> segment_of;  // lower node id << 32 | higher -> index in segments

  for (std::size_t line_index = 0; line_index < lines.size(); ++line_index) {
    const RoadPolyline& line = lines[line_index];
    NodeId previous = 0;
    for (std::size_t i = 0; i < line.points.size(); ++i) {
      const PointXY point = line.points[i];
      double best_d2 = std::numeric_limits<double>::infinity();
      NodeId node = kNoNode;
      grid.for_each_near(point, [&](NodeId candidate) {
        const double dx = nodes[candidate].x_m - point.x_m;
        const double dy = nodes[candidate].y_m - point.y_m;
        const double d2 = dx * dx + dy * dy;
        const bool mergeable = d2 == 0 || (d2 < tolerance_d2 && last_line[candidate] != line_index);
        if (mergeable && (d2 < best_d2 || (d2 == best_d2 && candidate < node))) {
          best_d2 = d2;
          node = candidate;
        }
      });
      if (node == kNoNode) {
        node = static_cast<NodeId>(nodes.size());
        nodes.push_back(point);
        last_line.push_back(line_index);
        grid.add(node, point);
      }
      last_line[node] = line_index;
      if (i > 0 && node != previous) {  // the same node twice in a row would be a zero-length edge
        const NodeId a = std::min(node, previous);
        const NodeId b = std::max(node, previous);
        const double length = distance_m(nodes[previous], nodes[node]);
        const auto [found, inserted] = segment_of.try_emplace(static_cast<std::uint64_t>(a) << 32 | b, segments.size());
        if (inserted) {
          segments.push_back({previous, node, length, line.speed_kmh, line.lanes});
        } else {
          Segment& kept = segments[found->second];
          if (line.speed_kmh > kept.speed_kmh || (line.speed_kmh == kept.speed_kmh && line.lanes > kept.lanes)) {
            kept.speed_kmh = line.speed_kmh;
            kept.lanes = line.lanes;
          }
        }
      }
      previous = node;
    }
  }

  RoadNetworkBuilder builder;
  for (const PointXY node : nodes) builder.add_node(node.x_m, node.y_m);
  for (const Segment& segment : segments) {
    builder.add_two_way(segment.a, segment.b, segment.length_m, segment.speed_kmh, segment.lanes);
  }
  return largest_strongly_connected_part(builder.build());
}

std::vector<LonLat> order_along_street(std::vector<LonLat> junctions) {
  if (junctions.size() < 2) return junctions;
  const auto [south, north] =
      std::minmax_element(junctions.begin(), junctions.end(), [](LonLat a, LonLat b) { return a.lat < b.lat; });
  const auto [west, east] =
      std::minmax_element(junctions.begin(), junctions.end(), [](LonLat a, LonLat b) { return a.lon < b.lon; });
  // Degrees of longitude shrink with the cosine of the latitude; the middle of the extent does not depend on order.
  const double lon_scale = std::cos((south->lat + north->lat) / 2 * std::numbers::pi / 180);
  const bool east_west = (east->lon - west->lon) * lon_scale >= north->lat - south->lat;
  // Coordinates along the axis and across it, scaled alike, so that distances are comparable in any direction.
  struct Point {
    double along, across;
    LonLat position;
  };
  std::vector<Point> remaining;
  remaining.reserve(junctions.size());
  for (const LonLat p : junctions) {
    const double x = p.lon * lon_scale;
    remaining.push_back(east_west ? Point{x, p.lat, p} : Point{p.lat, x, p});
  }
  // Ties in distance go to the lower along the axis, then across it: the same choice in whatever order points come.
  auto before = [](const Point& a, const Point& b) {
    return a.along < b.along || (a.along == b.along && a.across < b.across);
  };
  std::vector<LonLat> ordered;
  ordered.reserve(junctions.size());
  auto take = [&](std::size_t index) {
    const Point point = remaining[index];
    remaining[index] = remaining.back();
    remaining.pop_back();
    ordered.push_back(point.position);
    return point;
  };
  Point current =
      take(static_cast<std::size_t>(std::min_element(remaining.begin(), remaining.end(), before) - remaining.begin()));
  while (!remaining.empty()) {
    std::size_t nearest = 0;
    double nearest_d2 = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < remaining.size(); ++i) {
      const double d_along = remaining[i].along - current.along;
      const double d_across = remaining[i].across - current.across;
      const double d2 = d_along * d_along + d_across * d_across;
      if (d2 < nearest_d2 || (d2 == nearest_d2 && before(remaining[i], remaining[nearest]))) {
        nearest = i;
        nearest_d2 = d2;
      }
    }
    current = take(nearest);
  }
  return ordered;
}

}  // namespace munisim
