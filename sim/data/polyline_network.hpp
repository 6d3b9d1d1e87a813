// A road network from polylines alone, for a city with no street extract (Arequipa): the bus feed's route shapes,
// or chains of the points where named streets cross. Lines that come close are taken to run along the same street.
#pragma once

#include <vector>

#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"

namespace munisim {

struct RoadPolyline {
  std::vector<PointXY> points{};  // in the city's metric frame
  double speed_kmh = 30;
  int lanes = 1;
};

struct PolylineNetworkOptions {
  // About a street's width: points of different lines closer than this are one place on the street they share.
  double merge_tolerance_m = 15;
};

// Two-way edges between consecutive points of every polyline, with points merged into nodes greedily in input
// order: a point joins the nearest node closer than the tolerance (the lowest id on ties) that its own polyline has
// not used yet, or else starts a node where it is; nodes stay where their first point was and edge lengths are the
// straight distances between nodes. A polyline's points never merge with each other, so a finely drawn line keeps its
// shape, except where they are exactly equal, so a route that comes back through the same positions shares them.
// Zero-length edges are dropped; of edges joining the same two nodes the fastest is kept (the most lanes on ties).
// Only the largest strongly connected part is returned, its nodes and edges in the order the input first reaches
// them, so the result depends only on the input and its order. Throws InputError for a point that is not finite, a
// speed not above 0, fewer than one lane or a negative tolerance.
[[nodiscard]] RoadNetwork network_from_polylines(const std::vector<RoadPolyline>& lines,
                                                 const PolylineNetworkOptions& options = {});

// The points in order along the street they lie on, for chaining a street's crossings into a polyline: a greedy
// chain that starts at one end of the set's longest axis, the westernmost point when the points spread wider east to
// west than north to south (else the southernmost), and goes on each time to the nearest point not taken yet (ties
// go to the lower along that axis). Exact for points on a straight street and right for gently curved ones; the
// result does not depend on the input's order. Equal points are kept, next to each other. A set spread over several
// streets is chained through all of them, so callers split the chain where neighbours are too far apart for one
// street. Quadratic in the number of points: meant for the tens of crossings of one street.
[[nodiscard]] std::vector<LonLat> order_along_street(std::vector<LonLat> junctions);

}  // namespace munisim
