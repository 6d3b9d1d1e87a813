#include "sim/model/district_assignment.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

std::vector<PointXY> capitals_of(const std::vector<District>& districts, const LocalProjection& projection) {
  std::vector<PointXY> capitals;
  for (const District& district : districts) {
    if (district.latitude == 0 && district.longitude == 0) {
      throw InputError({}, "city.districts",
                       "district '" + district.name +
                           "' has no latitude and longitude; expected its capital's coordinates, which real "
                           "streets need to place it");
    }
    capitals.push_back(projection.to_xy({district.longitude, district.latitude}));
  }
  return capitals;
}

double squared_distance(PointXY a, double x, double y) { return (a.x_m - x) * (a.x_m - x) + (a.y_m - y) * (a.y_m - y); }

// Among `candidates`, the district whose capital is nearest (the first on ties).
std::uint32_t nearest_capital(const std::vector<std::uint32_t>& candidates, const std::vector<PointXY>& capitals,
                              double x, double y) {
  std::uint32_t best = candidates.front();
  for (std::uint32_t candidate : candidates) {
    if (squared_distance(capitals[candidate], x, y) < squared_distance(capitals[best], x, y)) best = candidate;
  }
  return best;
}

}  // namespace

DistrictAssignment assign_districts(const RoadNetwork& network, const std::vector<District>& districts,
                                    const LocalProjection& projection, const std::vector<Boundary>& boundaries,
                                    const std::string& boundaries_file) {
  DistrictAssignment result;
  const std::vector<PointXY> capitals = capitals_of(districts, projection);
  const auto district_count = static_cast<std::uint32_t>(districts.size());
  result.areas.resize(districts.size());
  result.node_district.assign(network.node_count(), kNoDistrict);

  // Every district shares the nodes of one "owner" polygon with the others owned by it.
  std::vector<std::vector<std::uint32_t>> sharing(districts.size());
  if (boundaries.empty()) {
    std::vector<std::uint32_t> all(district_count);
    for (std::uint32_t d = 0; d < district_count; ++d) all[d] = d;
    for (NodeId node = 0; node < network.node_count(); ++node) {
      result.node_district[node] = nearest_capital(all, capitals, network.node_x(node), network.node_y(node));
    }
    result.notes.push_back("districts: every street node belongs to the district with the nearest capital");
  } else {
    std::map<std::string, const Boundary*> by_code;
    for (const Boundary& boundary : boundaries) by_code.emplace(boundary.code, &boundary);
    std::vector<std::uint32_t> guests;
    for (std::uint32_t d = 0; d < district_count; ++d) {
      const auto found = by_code.find(districts[d].ubigeo);
      if (found == by_code.end()) {
        guests.push_back(d);
        continue;
      }
      result.areas[d] = project(*found->second, projection);
      sharing[d].push_back(d);
    }
    for (std::uint32_t guest : guests) {
      const auto host = std::find_if(sharing.begin(), sharing.end(), [&](const std::vector<std::uint32_t>& owners) {
        return !owners.empty() && owners.front() != guest && result.areas[owners.front()].contains(capitals[guest]);
      });
      if (host == sharing.end()) {
        throw InputError({boundaries_file}, "city.boundaries.geojson",
                         "district '" + districts[guest].name + "' (ubigeo " + districts[guest].ubigeo +
                             ") has no polygon here, and its capital lies in no other district's polygon; expected "
                             "a feature whose code is its ubigeo");
      }
      host->push_back(guest);
      result.notes.push_back("districts: '" + districts[guest].name + "' (" + districts[guest].ubigeo +
                             ") has no polygon in the boundary file; it shares the polygon of '" +
                             districts[host->front()].name + "', split by nearest capital");
    }
    std::size_t outside = 0;
    for (NodeId node = 0; node < network.node_count(); ++node) {
      const PointXY point{network.node_x(node), network.node_y(node)};
      for (std::uint32_t d = 0; d < district_count; ++d) {
        if (sharing[d].empty() || sharing[d].front() != d || !result.areas[d].contains(point)) continue;
        result.node_district[node] = nearest_capital(sharing[d], capitals, point.x_m, point.y_m);
        break;
      }
      if (result.node_district[node] == kNoDistrict) ++outside;
    }
    result.notes.push_back("districts: street nodes by boundary polygon (" + boundaries_file + "); " +
                           std::to_string(outside) + " of " + std::to_string(network.node_count()) +
                           " nodes lie outside every district and carry traffic but no homes");
  }

  std::vector<std::size_t> node_counts(districts.size(), 0);
  for (std::uint32_t d : result.node_district) {
    if (d != kNoDistrict) ++node_counts[d];
  }
  for (std::uint32_t d = 0; d < district_count; ++d) {
    if (node_counts[d] > 0) continue;
    // The nearest node that no other district needs as its last one.
    NodeId best = kNoNode;
    for (NodeId node = 0; node < network.node_count(); ++node) {
      const std::uint32_t owner = result.node_district[node];
      if (owner != kNoDistrict && node_counts[owner] < 2) continue;
      if (best == kNoNode || squared_distance(capitals[d], network.node_x(node), network.node_y(node)) <
                                 squared_distance(capitals[d], network.node_x(best), network.node_y(best))) {
        best = node;
      }
    }
    if (best == kNoNode) break;  // fewer nodes than districts: index_district_nodes names the district left out
    if (result.node_district[best] != kNoDistrict) --node_counts[result.node_district[best]];
    result.node_district[best] = d;
    node_counts[d] = 1;
    result.notes.push_back("districts: '" + districts[d].name +
                           "' has no street inside its boundary; its homes are placed at the street node nearest "
                           "its capital");
  }
  return result;
}

}  // namespace munisim
