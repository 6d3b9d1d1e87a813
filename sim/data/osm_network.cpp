#include "sim/data/osm_network.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/visitor.hpp>
#include <string_view>
#include <unordered_map>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// How a highway class is used when its way carries no more specific tags.
struct HighwayClass {
  const char* name;
  double HighwaySpeedsConfig::*speed;  // nullptr: walk only
  bool walk;
  int lanes_per_direction;  // [EST] typical Peruvian cross-sections
};

constexpr HighwayClass kHighwayClasses[] = {
    {"motorway", &HighwaySpeedsConfig::motorway_kmh, false, 2},
    {"motorway_link", &HighwaySpeedsConfig::motorway_kmh, false, 1},
    {"trunk", &HighwaySpeedsConfig::trunk_kmh, true, 2},
    {"trunk_link", &HighwaySpeedsConfig::trunk_kmh, true, 1},
    {"primary", &HighwaySpeedsConfig::primary_kmh, true, 2},
    {"primary_link", &HighwaySpeedsConfig::primary_kmh, true, 1},
    {"secondary", &HighwaySpeedsConfig::secondary_kmh, true, 2},
    {"secondary_link", &HighwaySpeedsConfig::secondary_kmh, true, 1},
    {"tertiary", &HighwaySpeedsConfig::tertiary_kmh, true, 1},
    {"tertiary_link", &HighwaySpeedsConfig::tertiary_kmh, true, 1},
    {"unclassified", &HighwaySpeedsConfig::unclassified_kmh, true, 1},
    {"road", &HighwaySpeedsConfig::unclassified_kmh, true, 1},
    {"residential", &HighwaySpeedsConfig::residential_kmh, true, 1},
    {"living_street", &HighwaySpeedsConfig::living_street_kmh, true, 1},
    {"service", &HighwaySpeedsConfig::service_kmh, true, 1},
    {"track", &HighwaySpeedsConfig::track_kmh, true, 1},
    {"footway", nullptr, true, 1},
    {"pedestrian", nullptr, true, 1},
    {"path", nullptr, true, 1},
    {"steps", nullptr, true, 1},
    {"cycleway", nullptr, true, 1},
    {"corridor", nullptr, true, 1},
};

const HighwayClass* highway_class(const char* value) {
  for (const HighwayClass& entry : kHighwayClasses) {
    if (std::strcmp(entry.name, value) == 0) return &entry;
  }
  return nullptr;
}

bool tag_is(const osmium::TagList& tags, const char* key, std::initializer_list<std::string_view> values) {
  const char* value = tags.get_value_by_key(key);
  return value != nullptr && std::find(values.begin(), values.end(), std::string_view(value)) != values.end();
}

// "50", "50 km/h", "30 mph"; anything else (e.g. "PE:urban", "signals") is not a usable number.
double parse_maxspeed_kmh(const char* value) {
  if (value == nullptr) return 0;
  const std::string_view text(value);
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc()) return 0;
  const bool mph = std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end)).find("mph") !=
                   std::string_view::npos;
  return mph ? number * 1.609344 : number;
}

int parse_lanes(const char* value) {
  if (value == nullptr) return 0;
  int lanes = 0;
  const std::string_view text(value);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), lanes);
  return error == std::errc() ? lanes : 0;
}

// One stretch between two consecutive OSM nodes of a way, in one travel mode.
struct Link {
  std::uint32_t a = 0, b = 0;
  double length_m = 0;
  double speed_kmh = 0;
  int lanes = 1;
  bool forward = true;   // a -> b allowed
  bool backward = true;  // b -> a allowed
};

struct PointsAndLinks {
  std::vector<PointXY> points;  // every OSM node a highway uses, in order of first use
  std::vector<Link> drive, walk;
};

class WayCollector : public osmium::handler::Handler {
 public:
  WayCollector(const LocalProjection& projection, const StreetsConfig& streets, OsmNetwork& result)
      : projection_(projection), streets_(streets), result_(result) {}

  void way(const osmium::Way& way) {
    const osmium::TagList& tags = way.tags();
    if (const char* building = tags.get_value_by_key("building"); building != nullptr && std::strcmp(building, "no")) {
      add_building(way);
      return;
    }
    const char* highway = tags.get_value_by_key("highway");
    if (highway == nullptr) return;
    const HighwayClass* kind = highway_class(highway);
    if (kind == nullptr) return;
    ++result_.highway_ways;

    const bool private_way = tag_is(tags, "access", {"no", "private"});
    const bool drive = kind->speed != nullptr && !tag_is(tags, "motor_vehicle", {"no", "private"}) &&
                       !tag_is(tags, "motorcar", {"no", "private"}) &&
                       (!private_way || tag_is(tags, "motor_vehicle", {"yes", "designated"}));
    const bool walk = kind->walk && !tag_is(tags, "foot", {"no", "private"}) &&
                      (!private_way || tag_is(tags, "foot", {"yes", "designated"}));
    if (!drive && !walk) return;

    Link drive_link;
    if (drive) {
      const double tagged = parse_maxspeed_kmh(tags.get_value_by_key("maxspeed"));
      drive_link.speed_kmh = tagged >= 3 && tagged <= 130 ? tagged : streets_.speeds.*(kind->speed);
      const bool reverse = tag_is(tags, "oneway", {"-1", "reverse"});
      const bool oneway =
          reverse || tag_is(tags, "oneway", {"yes", "true", "1"}) ||
          ((std::strncmp(highway, "motorway", 8) == 0 || tag_is(tags, "junction", {"roundabout", "circular"})) &&
           !tag_is(tags, "oneway", {"no", "false", "0"}));
      drive_link.forward = !reverse;
      drive_link.backward = !oneway;
      const int total_lanes = parse_lanes(tags.get_value_by_key("lanes"));
      drive_link.lanes =
          total_lanes > 0 ? std::max(1, oneway ? total_lanes : total_lanes / 2) : kind->lanes_per_direction;
    }
    const Link walk_link{.speed_kmh = streets_.walk_speed_kmh};

    const osmium::WayNodeList& nodes = way.nodes();
    for (std::size_t i = 1; i < nodes.size(); ++i) {
      const osmium::NodeRef& from = nodes[i - 1];
      const osmium::NodeRef& to = nodes[i];
      // Extracts cut ways at their edge; a stretch with a node outside is dropped, not bridged.
      if (!from.location().valid() || !to.location().valid()) continue;
      const std::uint32_t a = point_index(from);
      const std::uint32_t b = point_index(to);
      const double length =
          haversine_m({from.location().lon(), from.location().lat()}, {to.location().lon(), to.location().lat()});
      if (drive) add_link(links_.drive, drive_link, a, b, length);
      if (walk) add_link(links_.walk, walk_link, a, b, length);
    }
  }

  PointsAndLinks take_links() { return std::move(links_); }

 private:
  static void add_link(std::vector<Link>& links, Link link, std::uint32_t a, std::uint32_t b, double length_m) {
    link.a = a;
    link.b = b;
    link.length_m = length_m;
    links.push_back(link);
  }

  std::uint32_t point_index(const osmium::NodeRef& node) {
    const auto [found, inserted] = index_of_.try_emplace(node.ref(), static_cast<std::uint32_t>(links_.points.size()));
    if (inserted) links_.points.push_back(projection_.to_xy({node.location().lon(), node.location().lat()}));
    return found->second;
  }

  void add_building(const osmium::Way& way) {
    const osmium::WayNodeList& nodes = way.nodes();
    std::size_t corners = nodes.size();
    if (corners > 1 && nodes.front().ref() == nodes.back().ref()) --corners;  // a closed outline repeats its start
    double lon = 0, lat = 0;
    std::size_t valid = 0;
    for (std::size_t i = 0; i < corners; ++i) {
      if (!nodes[i].location().valid()) continue;
      lon += nodes[i].location().lon();
      lat += nodes[i].location().lat();
      ++valid;
    }
    if (valid == 0) return;
    const auto count = static_cast<double>(valid);
    result_.buildings.push_back(projection_.to_xy({lon / count, lat / count}));
  }

  const LocalProjection& projection_;
  const StreetsConfig& streets_;
  OsmNetwork& result_;
  std::unordered_map<osmium::object_id_type, std::uint32_t> index_of_;
  PointsAndLinks links_;
};

// Whether a link may be walked from `node` to its other end, and back.
std::pair<bool, bool> directions_from(const Link& link, std::uint32_t node) {
  return link.a == node ? std::pair{link.forward, link.backward} : std::pair{link.backward, link.forward};
}

// Merges chains of links through nodes that join exactly two links of the same speed, lanes and
// direction into single edges.
RoadNetwork simplified_network(const std::vector<PointXY>& points, const std::vector<Link>& links) {
  const std::size_t node_count = points.size();
  std::vector<std::size_t> first(node_count + 1, 0);
  for (const Link& link : links) {
    ++first[link.a + 1];
    ++first[link.b + 1];
  }
  for (std::size_t node = 0; node < node_count; ++node) first[node + 1] += first[node];
  std::vector<std::uint32_t> incident(first.back());
  std::vector<std::size_t> fill(first.begin(), first.end() - 1);
  for (std::size_t index = 0; index < links.size(); ++index) {
    incident[fill[links[index].a]++] = static_cast<std::uint32_t>(index);
    incident[fill[links[index].b]++] = static_cast<std::uint32_t>(index);
  }

  const auto passes_through = [&](std::uint32_t node) {
    if (first[node + 1] - first[node] != 2) return false;
    const Link& in = links[incident[first[node]]];
    const Link& out = links[incident[first[node] + 1]];
    if (&in == &out || in.speed_kmh != out.speed_kmh || in.lanes != out.lanes) return false;
    const auto [in_back, in_along] = directions_from(in, node);  // `in` read from node outward
    const auto [out_along, out_back] = directions_from(out, node);
    return in_along == out_along && in_back == out_back;
  };

  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> graph_node(node_count, kNone);
  RoadNetworkBuilder builder;
  const auto keep = [&](std::uint32_t node) {
    if (graph_node[node] == kNone) graph_node[node] = builder.add_node(points[node].x_m, points[node].y_m);
    return graph_node[node];
  };
  for (std::uint32_t node = 0; node < node_count; ++node) {
    if (first[node + 1] > first[node] && !passes_through(node)) keep(node);
  }

  std::vector<bool> used(links.size(), false);
  const auto walk_chain = [&](std::uint32_t start, std::uint32_t link_index) {
    const auto [along, against] = directions_from(links[link_index], start);
    const Link& first_link = links[link_index];
    double length = 0;
    std::uint32_t node = start;
    while (true) {
      used[link_index] = true;
      const Link& link = links[link_index];
      length += link.length_m;
      node = link.a == node ? link.b : link.a;
      if (graph_node[node] != kNone) break;
      const std::size_t offset = first[node];
      link_index = incident[offset] == link_index ? incident[offset + 1] : incident[offset];
    }
    const NodeId from = graph_node[start];
    const NodeId to = graph_node[node];
    if (from == to) return;  // a loop back to its start never shortens a route
    if (along) builder.add_edge(from, to, length, first_link.speed_kmh, first_link.lanes);
    if (against) builder.add_edge(to, from, length, first_link.speed_kmh, first_link.lanes);
  };
  const auto walk_from = [&](std::uint32_t node) {
    for (std::size_t offset = first[node]; offset < first[node + 1]; ++offset) {
      if (!used[incident[offset]]) walk_chain(node, incident[offset]);
    }
  };
  for (std::uint32_t node = 0; node < node_count; ++node) {
    if (graph_node[node] != kNone) walk_from(node);
  }
  // Closed rings with no junction (a roundabout or a block with no side street) are left over:
  // one of their nodes becomes a graph node.
  for (std::uint32_t index = 0; index < links.size(); ++index) {
    if (used[index]) continue;
    keep(links[index].a);
    walk_from(links[index].a);
  }
  return builder.build();
}

}  // namespace

OsmNetwork read_osm_network(const std::filesystem::path& file, const LocalProjection& projection,
                            const StreetsConfig& streets) {
  if (!std::filesystem::is_regular_file(file)) {
    throw InputError({file.string()}, "city.streets.osm", "no such OpenStreetMap file");
  }
  OsmNetwork result;
  PointsAndLinks links;
  try {
    using LocationIndex = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    LocationIndex index;
    osmium::handler::NodeLocationsForWays<LocationIndex> locations(index);
    locations.ignore_errors();  // extracts name nodes beyond their box; those stretches are dropped
    WayCollector collector(projection, streets, result);
    osmium::io::Reader reader(file.string(), osmium::osm_entity_bits::node | osmium::osm_entity_bits::way);
    osmium::apply(reader, locations, collector);
    reader.close();
    links = collector.take_links();
  } catch (const std::exception& failure) {
    throw InputError({file.string()}, "city.streets.osm",
                     std::string("cannot read OpenStreetMap data: ") + failure.what());
  }
  if (links.drive.empty()) {
    throw InputError({file.string()}, "city.streets.osm", "the extract has no drivable highway ways");
  }
  const RoadNetwork drive = simplified_network(links.points, links.drive);
  result.drive_nodes_before_pruning = drive.node_count();
  result.drive = largest_strongly_connected_part(drive);
  result.walk = largest_strongly_connected_part(simplified_network(links.points, links.walk));
  return result;
}

}  // namespace munisim
