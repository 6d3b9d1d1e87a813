#include "sim/model/geometry.hpp"

namespace munisim {
namespace {

Table district_table(const City& city) {
  Table table{.name = "districts"};
  Table::TextColumn name{"name", {}}, ubigeo{"ubigeo", {}};
  Table::NumberColumn population{"population", "persons", {}}, area{"area_km2", "km2", {}};
  Table::NumberColumn x{"centroid_x", "m", {}}, y{"centroid_y", "m", {}};
  Table::NumberColumn latitude{"capital_latitude", "deg", {}}, longitude{"capital_longitude", "deg", {}};
  Table::IntColumn nodes{"network_nodes", {}};
  for (const District& district : city.districts) {
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
  table.numbers = {population, area, x, y, latitude, longitude};
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
    district.values.push_back(city.node_district[node]);
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

}  // namespace

std::vector<Table> city_geometry(const City& city) {
  return {district_table(city), node_table(city), edge_table(city), facility_table(city)};
}

std::vector<std::pair<std::string, double>> city_statistics(const City& city) {
  return {{"districts", static_cast<double>(city.districts.size())},
          {"sampling", static_cast<double>(city.sampling)},
          {"network_nodes", static_cast<double>(city.network.node_count())},
          {"network_edges", static_cast<double>(city.network.edge_count())},
          {"network_length_km", city.network.total_length_m() / 1000.0},
          {"household_agents", static_cast<double>(city.households.size())},
          {"citizen_agents", static_cast<double>(city.citizens.size())}};
}

}  // namespace munisim
