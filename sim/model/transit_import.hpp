// Transit lines from a GTFS feed: stops snapped to the street network, the drawn route, headways
// by period from the feed's frequencies (or the scenario's), running times from the scenario's
// commercial speeds (feeds here carry only their generator's default times), and fares.
#pragma once

#include <string>

#include "sim/city/transit.hpp"
#include "sim/core/geo.hpp"
#include "sim/core/graph.hpp"
#include "sim/data/gtfs_feed.hpp"

namespace munisim {

// One line per trip with at least two stops; a route none of whose trips qualifies is listed in
// skipped_routes with the reason.
[[nodiscard]] TransitSystem import_transit(const GtfsFeed& feed, const TransitConfig& config,
                                           const RoadNetwork& network, const LocalProjection& projection);

// One line for /meta: what was imported and what was skipped.
[[nodiscard]] std::string transit_summary(const TransitSystem& transit, const TransitConfig& config);

}  // namespace munisim
