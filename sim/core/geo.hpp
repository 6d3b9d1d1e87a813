// Geographic positions and the local metric projection every imported layer shares, so that
// streets, district boundaries, stops and facilities of one city line up in metres.
#pragma once

namespace munisim {

// WGS84 degrees, in GeoJSON and GTFS order (longitude first).
struct LonLat {
  double lon = 0;
  double lat = 0;
};

struct PointXY {
  double x_m = 0;
  double y_m = 0;
};

// Equirectangular projection about an origin: x east and y north in metres. Within 50 km of the
// origin near the equator (Trujillo, Arequipa) distances are off by under 0.1 %, well inside the
// error of the street data itself, and the projection is cheap and exactly invertible.
class LocalProjection {
 public:
  LocalProjection() = default;
  explicit LocalProjection(LonLat origin);

  [[nodiscard]] LonLat origin() const noexcept { return origin_; }
  [[nodiscard]] PointXY to_xy(LonLat position) const noexcept;
  [[nodiscard]] LonLat to_lonlat(PointXY point) const noexcept;

 private:
  LonLat origin_;
  double metres_per_degree_lon_ = 0;
};

// Straight-line distance in the local frame.
[[nodiscard]] double distance_m(PointXY a, PointXY b) noexcept;

// Great-circle distance on the mean Earth sphere (R = 6,371,008.8 m).
[[nodiscard]] double haversine_m(LonLat a, LonLat b) noexcept;

}  // namespace munisim
