#include "sim/mobility/transit_routes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace munisim {
namespace {

// Riders take any line whose ride is at most this much longer than the shortest ride [EST].
constexpr double kAttractiveRideFactor = 1.5;

// Adds one district visit to a line at `km` unless the line is already in that district.
void visit(RouteLine& line, std::uint32_t district, double km) {
  if (district == kNoDistrict) return;
  if (!line.districts.empty() && line.districts.back() == district) return;
  line.districts.push_back(district);
  line.km.push_back(km);
}

// The city's GTFS lines: stop positions along the drawn length, scaled so that the straight hops
// between stops add up to the line's drawn length.
RouteLine from_city_line(const City& city, const TransitLine& source, VehicleType vehicle, double headway_factor) {
  std::array<double, kTransitPeriods> headway = source.headway_min;
  for (double& minutes : headway) minutes *= headway_factor;
  RouteLine line{.name = source.short_name.empty() ? source.route_id : source.short_name,
                 .length_km = source.length_m / 1000.0,
                 .headway_min = headway,
                 .fare_soles = source.fare_soles,
                 .vehicle = vehicle,
                 .weekdays = source.weekdays};
  std::vector<double> hops(source.stops.size(), 0.0);
  double straight = 0;
  for (std::size_t i = 1; i < source.stops.size(); ++i) {
    straight +=
        distance_m(city.transit.stops[source.stops[i - 1]].position, city.transit.stops[source.stops[i]].position);
    hops[i] = straight;
  }
  const double scale = straight > 0 ? line.length_km / straight : 0;
  for (std::size_t i = 0; i < source.stops.size(); ++i) {
    const NodeId node = city.transit.stops[source.stops[i]].node;
    line.stop_nodes.push_back(node);
    visit(line, city.node_district[node], hops[i] * scale);
  }
  return line;
}

std::uint32_t most_populous(const City& city) {
  const auto found = std::max_element(city.districts.begin(), city.districts.end(),
                                      [](const District& a, const District& b) { return a.population < b.population; });
  return static_cast<std::uint32_t>(found - city.districts.begin());
}

}  // namespace

VehicleType vehicle_type(std::string_view name) {
  const auto found = std::find(kVehicleNames.begin(), kVehicleNames.end(), name);
  return found == kVehicleNames.end() ? kCombi : static_cast<VehicleType>(found - kVehicleNames.begin());
}

TransitRoutes::TransitRoutes(const City& city, const TransitServiceConfig& service, const TravelSkims& skims) {
  const VehicleType vehicle = vehicle_type(service.vehicle);
  for (const TransitLine& source : city.transit.lines) {
    RouteLine line = from_city_line(city, source, vehicle, service.headway_factor);
    if (line.districts.size() >= 1 && line.length_km > 0) lines_.push_back(std::move(line));
  }
  if (city.transit.lines.empty()) {
    generated_ = true;
    const std::uint32_t hub = most_populous(city);
    const std::array<double, kTransitPeriods> headway =
        default_headways(service.synthetic_headway_min, service.headway_factor);
    for (std::uint32_t d = 0; d < city.districts.size(); ++d) {
      if (d == hub) continue;
      for (const auto& [from, to] : {std::pair{d, hub}, std::pair{hub, d}}) {
        RouteLine line{.name = city.districts[from].name + " - " + city.districts[to].name,
                       .headway_min = headway,
                       .fare_soles = service.synthetic_fare_soles,
                       .vehicle = vehicle};
        add_line(std::move(line), {from, to}, skims, city);
      }
    }
  }
  plan(skims);
}

void TransitRoutes::add_line(RouteLine line, const std::vector<std::uint32_t>& through, const TravelSkims& skims,
                             const City& city) {
  double km = 0;
  visit(line, through.front(), 0);
  line.stop_nodes.push_back(skims.centre(through.front()));
  for (std::size_t i = 1; i < through.size(); ++i) {
    for (EdgeId edge : skims.path(skims.pair(through[i - 1], through[i]))) {
      km += city.network.edge_length_m(edge) / 1000.0;
      line.edges.push_back(edge);
      const NodeId node = city.network.edge_to(edge);
      visit(line, city.node_district[node], km);
      line.stop_nodes.push_back(node);
    }
  }
  line.length_km = km;
  lines_.push_back(std::move(line));
}

LegOptions TransitRoutes::direct(std::uint32_t origin, std::uint32_t destination, const TravelSkims& skims) const {
  LegOptions all;
  for (std::uint32_t l = 0; l < lines_.size(); ++l) {
    const RouteLine& line = lines_[l];
    if (!line.active) continue;
    const auto from = std::find(line.districts.begin(), line.districts.end(), origin);
    if (from == line.districts.end()) continue;
    const auto to = std::find(from + (origin == destination ? 0 : 1), line.districts.end(), destination);
    if (to == line.districts.end()) continue;
    const auto board = static_cast<std::uint32_t>(from - line.districts.begin());
    const auto alight = static_cast<std::uint32_t>(to - line.districts.begin());
    // Within one district the ride is the trip's own length.
    const double ride =
        origin == destination ? skims.distance_km(skims.pair(origin, origin)) : line.km[alight] - line.km[board];
    if (ride <= 0) continue;
    all.lines.push_back(l);
    all.ride_km.push_back(ride);
    all.board_visit.push_back(board);
    all.alight_visit.push_back(alight);
  }
  if (all.lines.empty()) return all;
  const double shortest = *std::min_element(all.ride_km.begin(), all.ride_km.end());
  LegOptions attractive;
  for (std::size_t i = 0; i < all.lines.size(); ++i) {
    if (all.ride_km[i] > kAttractiveRideFactor * shortest) continue;
    attractive.lines.push_back(all.lines[i]);
    attractive.ride_km.push_back(all.ride_km[i]);
    attractive.board_visit.push_back(all.board_visit[i]);
    attractive.alight_visit.push_back(all.alight_visit[i]);
  }
  return attractive;
}

void TransitRoutes::plan(const TravelSkims& skims) {
  const auto count = static_cast<std::uint32_t>(skims.districts());
  options_.assign(static_cast<std::size_t>(count) * count, {});
  std::vector<LegOptions> legs(options_.size());
  for (std::uint32_t o = 0; o < count; ++o) {
    for (std::uint32_t d = 0; d < count; ++d) legs[skims.pair(o, d)] = direct(o, d, skims);
  }
  const auto shortest = [](const LegOptions& leg) {
    return leg.lines.empty() ? std::numeric_limits<double>::infinity()
                             : *std::min_element(leg.ride_km.begin(), leg.ride_km.end());
  };
  for (std::uint32_t o = 0; o < count; ++o) {
    for (std::uint32_t d = 0; d < count; ++d) {
      OdTransit& option = options_[skims.pair(o, d)];
      option.first = legs[skims.pair(o, d)];
      if (option.available() || o == d) continue;
      // One change of line, where the two rides add up to the least.
      double best = std::numeric_limits<double>::infinity();
      for (std::uint32_t k = 0; k < count; ++k) {
        if (k == o || k == d) continue;
        const double total = shortest(legs[skims.pair(o, k)]) + shortest(legs[skims.pair(k, d)]);
        if (total < best) {
          best = total;
          option.first = legs[skims.pair(o, k)];
          option.second = legs[skims.pair(k, d)];
        }
      }
    }
  }
}

}  // namespace munisim
