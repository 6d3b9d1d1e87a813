#include "sim/mobility/transit_load.hpp"

#include <algorithm>

#include "sim/mobility/bottleneck_queue.hpp"

namespace munisim {

std::size_t period_of_hour(std::size_t hour) {
  std::size_t period = 0;
  while (period + 1 < kTransitPeriods && static_cast<int>(hour) >= kTransitPeriodStartHour[period + 1]) ++period;
  return period;
}

double leg_frequency_per_min(const LegOptions& leg, const std::vector<RouteLine>& lines, std::size_t weekday,
                             std::size_t period) {
  double frequency = 0;
  for (std::uint32_t line : leg.lines) {
    const double headway = lines[line].headway_on(weekday, period);
    if (headway > 0) frequency += 1 / headway;
  }
  return frequency;
}

LineHourLoads load_lines(const TransitRoutes& routes, std::size_t weekday, const std::vector<double>& demand,
                         const std::vector<double>& places, const DeniedRiders& denied_riders) {
  const std::vector<RouteLine>& lines = routes.lines();
  const std::size_t cells = lines.size() * kHours;
  LineHourLoads loads{std::vector<double>(cells, 0.0), std::vector<double>(cells, 0.0),
                      std::vector<double>(cells, 0.0), std::vector<double>(cells, 0.0),
                      std::vector<double>(cells, 0.0), std::vector<double>(cells, 0.0),
                      std::vector<double>(cells, 0.0)};
  // Load on each stretch from one district visit to the next, per line and hour.
  std::vector<std::vector<double>> stretch(cells);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t h = 0; h < kHours; ++h) stretch[l * kHours + h].assign(lines[l].districts.size(), 0.0);
  }
  const auto ride = [&](const LegOptions& leg, std::size_t hour, double riders) {
    const std::size_t period = period_of_hour(hour);
    const double frequency = leg_frequency_per_min(leg, lines, weekday, period);
    for (std::size_t i = 0; i < leg.lines.size(); ++i) {
      const double headway = lines[leg.lines[i]].headway_on(weekday, period);
      if (headway <= 0) continue;
      const double share = riders / (headway * frequency);
      const std::size_t cell = leg.lines[i] * kHours + hour;
      loads.boardings[cell] += share;
      // Riding within one district still occupies the stretch it boards on.
      const std::size_t last = std::max(leg.board_visit[i] + 1, leg.alight_visit[i]);
      for (std::size_t v = leg.board_visit[i]; v < last; ++v) stretch[cell][v] += share;
    }
  };
  const std::size_t pairs = demand.size() / kHours;
  for (std::size_t pair = 0; pair < pairs; ++pair) {
    const OdTransit& option = routes.options(pair);
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const double riders = demand[pair * kHours + hour];
      if (riders <= 0 || !option.available()) continue;
      ride(option.first, hour, riders);
      if (option.transfers()) ride(option.second, hour, riders);
    }
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    double backlog = 0;  // nobody waits from the day before
    for (std::size_t h = 0; h < kHours; ++h) {
      const std::size_t cell = l * kHours + h;
      const double headway = lines[l].headway_on(weekday, period_of_hour(h));
      const double arrivals =
          stretch[cell].empty() ? 0.0 : *std::max_element(stretch[cell].begin(), stretch[cell].end());
      loads.capacity[cell] = headway > 0 ? 60.0 / headway * places[l] : 0.0;
      if (denied_riders.queue_carryover) {
        const QueueHour queue = queue_hour(arrivals, loads.capacity[cell], backlog, denied_riders.abandon_rate_per_h);
        loads.peak_load[cell] = arrivals + backlog;  // the riders carried in take places too
        loads.denied[cell] = queue.denied;
        loads.abandoned[cell] = queue.abandoned;
        loads.extra_wait_min[cell] = loads.boardings[cell] > 0 ? 60 * queue.wait_rider_h / loads.boardings[cell] : 0;
        backlog = queue.backlog;
      } else {
        loads.peak_load[cell] = arrivals;
        loads.denied[cell] = std::max(0.0, arrivals - loads.capacity[cell]);
        loads.extra_wait_min[cell] = loads.boardings[cell] > 0 ? loads.denied[cell] * headway / loads.boardings[cell] : 0;
      }
      loads.load_factor[cell] = loads.capacity[cell] > 0 ? loads.peak_load[cell] / loads.capacity[cell] : 0.0;
    }
  }
  return loads;
}

}  // namespace munisim
