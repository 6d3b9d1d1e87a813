#include "sim/model/transit_import.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace munisim {
namespace {

constexpr int kSecondsPerDay = 24 * 3600;

int period_start_s(std::size_t period) {
  return period < kTransitPeriods ? kTransitPeriodStartHour[period] * 3600 : kSecondsPerDay;
}

double overlap_s(int a_begin, int a_end, int b_begin, int b_end) {
  return std::max(0, std::min(a_end, b_end) - std::max(a_begin, b_begin));
}

// Overlap-weighted mean headway of the trip's frequency windows in each period; windows past
// midnight (GTFS times beyond 24:00:00) count on the same service day's early hours.
std::array<double, kTransitPeriods> headways_from_frequencies(const std::vector<const GtfsFrequency*>& windows) {
  std::array<double, kTransitPeriods> headway{};
  for (std::size_t period = 0; period < kTransitPeriods; ++period) {
    const int begin = period_start_s(period);
    const int end = period_start_s(period + 1);
    double covered = 0;
    double weighted = 0;
    for (const GtfsFrequency* window : windows) {
      const double seconds = overlap_s(window->start_s, window->end_s, begin, end) +
                             overlap_s(window->start_s - kSecondsPerDay, window->end_s - kSecondsPerDay, begin, end);
      covered += seconds;
      weighted += seconds * window->headway_s / 60.0;
    }
    headway[period] = covered > 0 ? weighted / covered : 0;
  }
  return headway;
}

double path_length_m(const std::vector<PointXY>& path) {
  double length = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    length += distance_m(path[i - 1], path[i]);
  }
  return length;
}

// A route's own fare, else a fare the feed applies to every route, else the scenario's default;
// a price of 0 means the feed did not know it.
double fare_for(const GtfsFeed& feed, const std::string& route_id, double default_fare) {
  double general = 0;
  for (const GtfsFare& fare : feed.fares) {
    if (fare.price <= 0) continue;
    if (std::find(fare.route_ids.begin(), fare.route_ids.end(), route_id) != fare.route_ids.end()) return fare.price;
    if (fare.route_ids.empty() && general == 0) general = fare.price;
  }
  return general > 0 ? general : default_fare;
}

}  // namespace

TransitSystem import_transit(const GtfsFeed& feed, const TransitConfig& config, const RoadNetwork& network,
                             const LocalProjection& projection) {
  TransitSystem transit;
  transit.feed = feed.source;
  for (const GtfsStop& stop : feed.stops) {
    const PointXY position = projection.to_xy(stop.position);
    const NodeId node = network.nearest_node(position.x_m, position.y_m);
    const double snap = distance_m({network.node_x(node), network.node_y(node)}, position);
    transit.stops.push_back({stop.id, stop.name, position, node, snap});
  }

  std::vector<std::vector<const GtfsFrequency*>> windows_of_trip(feed.trips.size());  // the reader resolved trips
  for (const GtfsFrequency& frequency : feed.frequencies) windows_of_trip[frequency.trip].push_back(&frequency);

  std::map<std::string, std::size_t> lines_of_route;
  for (std::size_t t = 0; t < feed.trips.size(); ++t) {
    const GtfsTrip& trip = feed.trips[t];
    if (trip.stops.size() < 2) continue;
    const GtfsRoute& route = *feed.route(trip.route_id);  // the reader checked that it exists
    TransitLine line{.route_id = route.id,
                     .trip_id = trip.id,
                     .short_name = route.short_name,
                     .long_name = route.long_name,
                     .agency = route.agency_id,
                     .stops = trip.stops};
    if (const GtfsShape* shape = feed.shape(trip.shape_id); shape != nullptr && shape->points.size() >= 2) {
      for (const LonLat& point : shape->points) line.path.push_back(projection.to_xy(point));
    } else {
      for (std::uint32_t stop : trip.stops) line.path.push_back(transit.stops[stop].position);
    }
    line.length_m = path_length_m(line.path);
    if (!config.headway_min.empty()) {
      std::copy(config.headway_min.begin(), config.headway_min.end(), line.headway_min.begin());
    } else if (!windows_of_trip[t].empty()) {
      line.headway_min = headways_from_frequencies(windows_of_trip[t]);
    } else {
      line.headway_min.fill(config.default_headway_min);
    }
    line.run_time_min = run_times_min(line.length_m, config.commercial_speed_kmh);
    line.fare_soles = fare_for(feed, route.id, config.default_fare_soles);
    for (const GtfsService& service : feed.services) {
      if (service.id == trip.service_id) line.weekdays = service.weekdays;  // calendar.txt; else every day
    }
    transit.lines.push_back(std::move(line));
    ++lines_of_route[route.id];
  }
  for (const GtfsRoute& route : feed.routes) {
    if (lines_of_route.contains(route.id)) continue;
    const bool has_trip = std::any_of(feed.trips.begin(), feed.trips.end(),
                                      [&](const GtfsTrip& trip) { return trip.route_id == route.id; });
    transit.skipped_routes.push_back(route.id + " (" + route.short_name +
                                     "): " + (has_trip ? "every trip has fewer than 2 stops" : "no trip runs it"));
  }
  return transit;
}

std::string transit_summary(const TransitSystem& transit, const TransitConfig& config) {
  const auto far = std::count_if(transit.stops.begin(), transit.stops.end(), [&](const TransitStop& stop) {
    return stop.snap_distance_m > config.max_stop_snap_m;
  });
  std::string text = "transit: " + transit.feed + ": " + std::to_string(transit.lines.size()) + " lines, " +
                     std::to_string(transit.stops.size()) + " stops (" + std::to_string(far) + " farther than " +
                     std::to_string(static_cast<int>(config.max_stop_snap_m)) + " m from a street node)";
  if (transit.skipped_routes.empty()) return text + "; every route imported";
  text += "; skipped routes:";
  for (const std::string& skipped : transit.skipped_routes) text += " " + skipped + ";";
  text.pop_back();
  return text;
}

}  // namespace munisim
