// A static GTFS feed (the format Peru's cities publish their bus routes in) read into plain
// structs with ids resolved to indices, so that the transit import works on vectors, not on text.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/geo.hpp"

namespace munisim {

struct GtfsStop {
  std::string id, name;
  LonLat position;
};

struct GtfsRoute {
  std::string id, agency_id, short_name, long_name;
  int type = 3;  // route_type: 3 bus
};

struct GtfsTrip {
  std::string id, route_id, service_id, shape_id;  // shape_id may name no shape of the feed
  int direction = 0;
  std::vector<std::uint32_t> stops;  // indices into GtfsFeed::stops, in stop_sequence order
  std::vector<int> departure_s;      // seconds after midnight per stop, -1 where blank; may pass 24:00:00
};

struct GtfsFrequency {
  std::uint32_t trip = 0;  // index into GtfsFeed::trips
  int start_s = 0, end_s = 0, headway_s = 0;
};

struct GtfsShape {
  std::string id;
  std::vector<LonLat> points;  // in shape_pt_sequence order
};

struct GtfsFare {
  std::string id;
  double price = 0;
  std::string currency;
  std::vector<std::string> route_ids;  // from fare_rules.txt, each once
};

struct GtfsService {
  std::string id;
  std::array<bool, 7> weekdays{};    // monday .. sunday
  std::string start_date, end_date;  // YYYYMMDD
};

struct GtfsFeed {
  std::string source;  // the zip or folder read
  std::vector<GtfsStop> stops;
  std::vector<GtfsRoute> routes;
  std::vector<GtfsTrip> trips;
  std::vector<GtfsFrequency> frequencies;
  std::vector<GtfsShape> shapes;
  std::vector<GtfsFare> fares;
  std::vector<GtfsService> services;

  // Lookups by id, nullptr when absent; linear scans.
  [[nodiscard]] const GtfsRoute* route(const std::string& id) const;
  [[nodiscard]] const GtfsShape* shape(const std::string& id) const;
};

// Requires stops.txt, routes.txt, trips.txt and stop_times.txt; reads frequencies.txt, shapes.txt,
// fare_attributes.txt, fare_rules.txt and calendar.txt when present. Throws InputError naming the
// member, line and record for a missing file or column, an id naming nothing, a coordinate out of
// range, or a malformed number or time.
[[nodiscard]] GtfsFeed read_gtfs(const std::filesystem::path& zip_or_directory);

}  // namespace munisim
