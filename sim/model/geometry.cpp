#include "sim/model/geometry.hpp"

namespace munisim {
namespace {

Table district_table(const City& city) {
  Table table{.name = "districts"};
  Table::TextColumn name{"name", {}}, ubigeo{"ubigeo", {}};
  Table::NumberColumn population{"population", "persons", {}}, area{"area_km2", "km2", {}};
  Table::NumberColumn x{"centroid_x", "m", {}}, y{"centroid_y", "m", {}};
  Table::NumberColumn latitude{"capital_latitude", "deg", {}}, longitude{"capital_longitude", "deg", {}};
  Table::NumberColumn hdi{"hdi", "1", {}};
  Table::IntColumn nodes{"network_nodes", {}};
  for (const District& district : city.districts) {
    hdi.values.push_back(district.hdi);
    name.values.push_back(district.name);
    ubigeo.values.push_back(district.ubigeo);
    population.values.push_back(static_cast<double>(district.population));
    area.values.push_back(district.area_km2);
    x.values.push_back(district.centroid_x_m);
    y.values.push_back(district.centroid_y_m);
    latitude.values.push_back(district.latitude);
    longitude.values.push_back(district.longitude);
    nodes.values.push_back(static_cast<std::int64_t>(district.nodes.size()));
  }
  table.texts = {name, ubigeo};
  table.numbers = {population, area, x, y, latitude, longitude, hdi};
  table.ints = {nodes};
  return table;
}

Table node_table(const City& city) {
  Table table{.name = "network_nodes"};
  Table::NumberColumn x{"x", "m", {}}, y{"y", "m", {}};
  Table::IntColumn district{"district", {}};
  for (std::size_t node = 0; node < city.network.node_count(); ++node) {
    x.values.push_back(city.network.node_x(static_cast<NodeId>(node)));
    y.values.push_back(city.network.node_y(static_cast<NodeId>(node)));
    const std::uint32_t owner = city.node_district[node];
    district.values.push_back(owner == kNoDistrict ? -1 : static_cast<std::int64_t>(owner));
  }
  table.numbers = {x, y};
  table.ints = {district};
  return table;
}

Table edge_table(const City& city) {
  const RoadNetwork& network = city.network;
  Table table{.name = "network_edges"};
  Table::IntColumn from{"from", {}}, to{"to", {}}, lanes{"lanes", {}};
  Table::NumberColumn length{"length", "m", {}}, speed{"free_speed", "km/h", {}};
  for (std::size_t edge = 0; edge < network.edge_count(); ++edge) {
    const auto id = static_cast<EdgeId>(edge);
    from.values.push_back(network.edge_from(id));
    to.values.push_back(network.edge_to(id));
    lanes.values.push_back(network.edge_lanes(id));
    length.values.push_back(network.edge_length_m(id));
    speed.values.push_back(network.edge_free_speed_kmh(id));
  }
  table.ints = {from, to, lanes};
  table.numbers = {length, speed};
  return table;
}

Table facility_table(const City& city) {
  Table table{.name = "facilities"};
  Table::TextColumn name{"name", {}}, kind{"kind", {}};
  Table::IntColumn district{"district", {}}, node{"node", {}};
  Table::NumberColumn x{"x", "m", {}}, y{"y", "m", {}};
  for (const Facility& facility : city.facilities) {
    name.values.push_back(facility.name);
    kind.values.push_back(facility.kind);
    district.values.push_back(facility.district);
    node.values.push_back(facility.node);
    x.values.push_back(city.network.node_x(facility.node));
    y.values.push_back(city.network.node_y(facility.node));
  }
  table.texts = {name, kind};
  table.ints = {district, node};
  table.numbers = {x, y};
  return table;
}

// Every ring of every district's boundary as a run of points: one row per point, with the
// district, the polygon part and the ring (0 outer, then holes) it belongs to.
Table boundary_table(const City& city) {
  Table table{.name = "district_boundaries"};
  Table::IntColumn district{"district", {}}, part{"part", {}}, ring{"ring", {}};
  Table::NumberColumn x{"x", "m", {}}, y{"y", "m", {}};
  const auto add_ring = [&](std::size_t d, std::size_t p, std::size_t r, const Ring& points) {
    for (const PointXY& point : points) {
      district.values.push_back(static_cast<std::int64_t>(d));
      part.values.push_back(static_cast<std::int64_t>(p));
      ring.values.push_back(static_cast<std::int64_t>(r));
      x.values.push_back(point.x_m);
      y.values.push_back(point.y_m);
    }
  };
  for (std::size_t d = 0; d < city.district_areas.size(); ++d) {
    const auto parts = city.district_areas[d].parts();
    for (std::size_t p = 0; p < parts.size(); ++p) {
      add_ring(d, p, 0, parts[p].outer);
      for (std::size_t h = 0; h < parts[p].holes.size(); ++h) add_ring(d, p, h + 1, parts[p].holes[h]);
    }
  }
  table.ints = {district, part, ring};
  table.numbers = {x, y};
  return table;
}

Table transit_stop_table(const TransitSystem& transit) {
  Table table{.name = "transit_stops"};
  Table::TextColumn id{"id", {}}, name{"name", {}};
  Table::NumberColumn x{"x", "m", {}}, y{"y", "m", {}}, snap{"snap_distance", "m", {}};
  Table::IntColumn node{"node", {}};
  for (const TransitStop& stop : transit.stops) {
    id.values.push_back(stop.id);
    name.values.push_back(stop.name);
    x.values.push_back(stop.position.x_m);
    y.values.push_back(stop.position.y_m);
    snap.values.push_back(stop.snap_distance_m);
    node.values.push_back(stop.node);
  }
  table.texts = {id, name};
  table.numbers = {x, y, snap};
  table.ints = {node};
  return table;
}

Table transit_line_table(const TransitSystem& transit) {
  Table table{.name = "transit_lines"};
  Table::TextColumn route{"route_id", {}}, trip{"trip_id", {}}, short_name{"short_name", {}},
      long_name{"long_name", {}}, agency{"agency", {}}, weekdays{"weekdays", {}};
  Table::NumberColumn length{"length", "km", {}}, fare{"fare", "soles", {}};
  Table::IntColumn stops{"stops", {}};
  std::vector<Table::NumberColumn> headways, run_times;
  for (const char* period : kTransitPeriodNames) {
    headways.push_back({std::string("headway_") + period, "min", {}});
    run_times.push_back({std::string("run_time_") + period, "min", {}});
  }
  for (const TransitLine& line : transit.lines) {
    route.values.push_back(line.route_id);
    trip.values.push_back(line.trip_id);
    short_name.values.push_back(line.short_name);
    long_name.values.push_back(line.long_name);
    agency.values.push_back(line.agency);
    std::string days = "-------";
    for (std::size_t d = 0; d < 7; ++d) {
      if (line.weekdays[d]) days[d] = "MTWTFSS"[d];
    }
    weekdays.values.push_back(days);
    length.values.push_back(line.length_m / 1000.0);
    fare.values.push_back(line.fare_soles);
    stops.values.push_back(static_cast<std::int64_t>(line.stops.size()));
    for (std::size_t p = 0; p < kTransitPeriods; ++p) {
      headways[p].values.push_back(line.headway_min[p]);
      run_times[p].values.push_back(line.run_time_min[p]);
    }
  }
  table.texts = {route, trip, short_name, long_name, agency, weekdays};
  table.numbers = {length, fare};
  table.numbers.insert(table.numbers.end(), headways.begin(), headways.end());
  table.numbers.insert(table.numbers.end(), run_times.begin(), run_times.end());
  table.ints = {stops};
  return table;
}

// Lines' drawn paths and stop sequences as runs of rows keyed by line, for maps.
Table transit_path_table(const TransitSystem& transit) {
  Table table{.name = "transit_line_paths"};
  Table::IntColumn line_index{"line", {}};
  Table::NumberColumn x{"x", "m", {}}, y{"y", "m", {}};
  for (std::size_t l = 0; l < transit.lines.size(); ++l) {
    for (const PointXY& point : transit.lines[l].path) {
      line_index.values.push_back(static_cast<std::int64_t>(l));
      x.values.push_back(point.x_m);
      y.values.push_back(point.y_m);
    }
  }
  table.ints = {line_index};
  table.numbers = {x, y};
  return table;
}

Table transit_line_stop_table(const TransitSystem& transit) {
  Table table{.name = "transit_line_stops"};
  Table::IntColumn line_index{"line", {}}, stop{"stop", {}};
  for (std::size_t l = 0; l < transit.lines.size(); ++l) {
    for (std::uint32_t s : transit.lines[l].stops) {
      line_index.values.push_back(static_cast<std::int64_t>(l));
      stop.values.push_back(s);
    }
  }
  table.ints = {line_index, stop};
  return table;
}

}  // namespace

std::vector<Table> city_geometry(const City& city) {
  std::vector<Table> tables = {district_table(city), boundary_table(city), node_table(city), edge_table(city),
                               facility_table(city)};
  if (!city.transit.feed.empty()) {
    tables.push_back(transit_stop_table(city.transit));
    tables.push_back(transit_line_table(city.transit));
    tables.push_back(transit_path_table(city.transit));
    tables.push_back(transit_line_stop_table(city.transit));
  }
  return tables;
}

std::vector<std::pair<std::string, double>> city_statistics(const City& city) {
  std::vector<std::pair<std::string, double>> statistics = {
      {"districts", static_cast<double>(city.districts.size())},
      {"sampling", static_cast<double>(city.sampling)},
      {"network_nodes", static_cast<double>(city.network.node_count())},
      {"network_edges", static_cast<double>(city.network.edge_count())},
      {"network_length_km", city.network.total_length_m() / 1000.0},
      {"walk_network_nodes", static_cast<double>(city.walk_network.node_count())},
      {"walk_network_length_km", city.walk_network.total_length_m() / 1000.0},
      {"transit_lines", static_cast<double>(city.transit.lines.size())},
      {"transit_stops", static_cast<double>(city.transit.stops.size())},
      {"household_agents", static_cast<double>(city.households.size())},
      {"citizen_agents", static_cast<double>(city.citizens.size())}};
  // Local x, y in the geometry tables are metres east and north of this point (equirectangular).
  if (city.projection) {
    statistics.emplace_back("projection_origin_longitude", city.projection->origin().lon);
    statistics.emplace_back("projection_origin_latitude", city.projection->origin().lat);
  }
  return statistics;
}

}  // namespace munisim
