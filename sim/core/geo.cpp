#include "sim/core/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace munisim {
namespace {

constexpr double kEarthRadiusM = 6'371'008.8;  // IUGG mean radius
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
constexpr double kMetresPerDegree = kEarthRadiusM * kRadiansPerDegree;

}  // namespace

LocalProjection::LocalProjection(LonLat origin)
    : origin_(origin), metres_per_degree_lon_(kMetresPerDegree * std::cos(origin.lat * kRadiansPerDegree)) {}

PointXY LocalProjection::to_xy(LonLat position) const noexcept {
  return {(position.lon - origin_.lon) * metres_per_degree_lon_, (position.lat - origin_.lat) * kMetresPerDegree};
}

LonLat LocalProjection::to_lonlat(PointXY point) const noexcept {
  return {origin_.lon + point.x_m / metres_per_degree_lon_, origin_.lat + point.y_m / kMetresPerDegree};
}

double distance_m(PointXY a, PointXY b) noexcept { return std::hypot(b.x_m - a.x_m, b.y_m - a.y_m); }

double haversine_m(LonLat a, LonLat b) noexcept {
  const double dlat = (b.lat - a.lat) * kRadiansPerDegree;
  const double dlon = (b.lon - a.lon) * kRadiansPerDegree;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.lat * kRadiansPerDegree) *
                                                                 std::cos(b.lat * kRadiansPerDegree) *
                                                                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace munisim
