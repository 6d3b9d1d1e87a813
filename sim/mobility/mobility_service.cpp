#include "sim/mobility/mobility_service.hpp"

#include <algorithm>
#include <memory>

#include "sim/core/parallel.hpp"
#include "sim/mobility/departure_choice.hpp"
#include "sim/mobility/detail/mobility_state.hpp"

namespace munisim {
namespace mobility_detail {
namespace {

bool night_hour(std::size_t hour) { return hour >= 19 || hour < 6; }

}  // namespace

double MobilityService::line_speed_kmh(const RouteLine& line, std::size_t pair, std::size_t hour) const {
  if (line.own_speed_kmh > 0) return line.own_speed_kmh;
  // Lines in mixed traffic slow down as cars do between the two districts at that hour.
  const double congestion = std::max(1.0, car_time_[pair * kHours + hour] / skims_.free_time_min(pair));
  return transit_.commercial_speed_kmh[period_of_hour(hour)] / congestion;
}

std::vector<TripConditions> MobilityService::conditions(Parallelism& parallel, std::size_t weekday) const {
  const std::size_t districts = skims_.districts();
  const std::vector<RouteLine>& lines = routes_.lines();
  std::vector<TripConditions> result(layout_.odh);
  const std::span<const double> expected_extra_wait = expected_extra_wait_.expected(weekday);
  const std::span<const double> expected_load_factor = expected_load_factor_.expected(weekday);
  // Pairs are independent; a pair per task (its 24 hours, each leg's lines).
  for_each_chunk(parallel, districts * districts, 1, [&](std::size_t pair, std::size_t, std::size_t) {
    const OdTransit& option = routes_.options(pair);
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      TripConditions& trip = result[pair * kHours + hour];
      trip.distance_km = skims_.distance_km(pair);
      trip.car_time_min = car_time_[pair * kHours + hour];
      trip.night = night_hour(hour);
      if (!option.available()) continue;
      const std::size_t period = period_of_hour(hour);
      trip.transit = true;
      for (const LegOptions* leg : {&option.first, &option.second}) {
        if (leg->lines.empty()) continue;
        double leg_load = 0;
        const double frequency = leg_frequency_per_min(*leg, lines, weekday, period);
        if (frequency <= 0) {
          trip.transit = false;
          break;
        }
        trip.transit_wait_min += 0.5 / frequency;
        for (std::size_t i = 0; i < leg->lines.size(); ++i) {
          const RouteLine& line = lines[leg->lines[i]];
          const double headway = line.headway_on(weekday, period);
          if (headway <= 0) continue;
          const double share = 1 / (headway * frequency);
          const std::size_t cell = leg->lines[i] * kHours + hour;
          const double speed = line_speed_kmh(line, pair, hour);
          trip.transit_ride_min += share * leg->ride_km[i] / speed * 60.0;
          trip.transit_wait_min += share * expected_extra_wait[cell];
          trip.transit_extra_wait_min += share * expected_extra_wait[cell];
          leg_load += share * expected_load_factor[cell];
          const double fare = share * line.fare_soles * fare_factor_;
          trip.transit_fare_soles += leg == &option.second ? fare * (1 - integration_) : fare;
        }
        trip.transit_load_factor = std::max(trip.transit_load_factor, leg_load);  // the more crowded leg
      }
      trip.transit_transfer = option.transfers();
      trip.transit_walk_km = access_km_[pair / districts] + access_km_[pair % districts];
    }
  });
  return result;
}

// The day's sums in the layout the series and loads read, from trips per segment, mode and gender.
std::vector<double> MobilityService::totals(const TripCounts& counts,
                                            const std::vector<TripConditions>& segments) const {
  const Layout& at = layout_;
  const RoadsConfig& roads = config_.roads;
  std::vector<double> total(at.size, 0.0);
  std::copy(counts.by_mode_gender_purpose.begin(), counts.by_mode_gender_purpose.end(),
            total.begin() + static_cast<std::ptrdiff_t>(at.trips));
  for (std::size_t g = 0; g < kGenders; ++g) {
    total[at.persons + g] = counts.persons[g];
    total[at.travelling + g] = counts.travelling[g];
  }
  for (std::size_t segment = 0; segment < at.odh; ++segment) {
    const TripConditions& offer = segments[segment];
    const std::size_t origin = segment / kHours / at.districts;
    const std::size_t hour = segment % kHours;
    for (std::size_t m = 0; m < kModes; ++m) {
      const double time_min = choice_.time_min(static_cast<Mode>(m), offer);
      double trips = 0;
      for (std::size_t g = 0; g < kGenders; ++g) {
        const double count = counts.by_segment_mode_gender[(segment * kModes + m) * kGenders + g];
        trips += count;
        total[at.time + m * kGenders + g] += count * time_min;
        if (m == kTransit) total[at.wait + g] += count * offer.transit_wait_min;
      }
      total[at.by_district + origin * kModes + m] += trips;
      total[at.by_hour + hour * kModes + m] += trips;
      total[at.person_km + m] += trips * offer.distance_km;
      if (m == kTransit) {
        total[at.transit + segment] = trips;
        total[at.fares] += trips * offer.transit_fare_soles;
      } else if (m == kCar) {
        total[at.car + segment] = trips / roads.car_occupancy;
      } else if (m == kTaxi) {
        total[at.taxi + segment] = trips / roads.taxi_occupancy;
      }
    }
  }
  return total;
}

// Cars and taxis between districts, and every running bus on the paths between the districts its
// line passes, in passenger-car units per hour: [pair * 24 + hour].
std::vector<double> MobilityService::road_pcu(const std::vector<double>& totals, std::size_t weekday) const {
  const Layout& at = layout_;
  std::vector<double> pcu(at.odh, 0.0);
  for (std::size_t i = 0; i < at.odh; ++i) pcu[i] = totals[at.car + i] + totals[at.taxi + i];
  for (const RouteLine& line : routes_.lines()) {
    if (!line.active) continue;
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const double headway = line.headway_on(weekday, period_of_hour(hour));
      if (headway <= 0) continue;
      for (std::size_t v = 1; v < line.districts.size(); ++v) {
        pcu[skims_.pair(line.districts[v - 1], line.districts[v]) * kHours + hour] +=
            60.0 / headway * config_.roads.bus_pcu;
      }
    }
  }
  return pcu;
}

void MobilityService::travel(const StepContext& step) {
  const auto weekday = static_cast<std::size_t>(step.date.weekday());
  const std::vector<TripConditions> segments = conditions(step.parallel, weekday);
  modes_.build(step.parallel, segments, choice_, safety_);
  if (config_.activities.departure_choice.enabled) {
    activities_.choose_departures(segment_crowding_loss(segments, modes_, choice_, safety_));
  }
  const TripCounts counts = sampler_.day(step.parallel, step.seed, step.day, weekday, activities_, modes_);
  const std::vector<double> totals = this->totals(counts, segments);
  const Layout& at = layout_;
  const RoadsConfig& roads = config_.roads;

  std::vector<double> line_places;
  for (std::size_t l = 0; l < routes_.lines().size(); ++l) line_places.push_back(places(l));
  const std::vector<double> demand(totals.begin() + static_cast<std::ptrdiff_t>(at.transit),
                                   totals.begin() + static_cast<std::ptrdiff_t>(at.transit + at.odh));
  const TransitServiceConfig& transit = config_.transit;
  const DeniedRiders denied_riders{transit.queue_carryover,
                                   transit.queue_patience_min > 0 ? 60 / transit.queue_patience_min : 0.0};
  // The lines' loads (serial) and the roads' times need only today's trips: one fills the other's
  // idle thread.
  LineHourLoads loads;
  RoadTimes today;
  auto load = [&] { loads = load_lines(routes_, weekday, demand, line_places, denied_riders); };
  auto drive = [&] { today = roads_.assign(step.parallel, road_pcu(totals, weekday)); };
  step.parallel.run_both(load, drive);
  expected_load_factor_.remember(weekday, loads.load_factor, config_.transit.smoothing);
  expected_extra_wait_.remember(weekday, loads.extra_wait_min, config_.transit.smoothing);
  if (published_.traces != nullptr && published_.traces->records(step.day)) record_runs(step.day, weekday, loads);
  for (std::size_t i = 0; i < car_time_.size(); ++i) {
    car_time_[i] += roads.smoothing * (today.time_min[i] - car_time_[i]);
  }
  record(ids_.speed, step.day, today.speed_kmh);
  record_loads(step.day, loads, totals);
  record_vehicles(step.day, weekday, totals);
  const TransitDayInputs lived{at.districts,
                               routes_,
                               weekday,
                               loads,
                               segments,
                               counts.by_segment_mode_gender,
                               config_.transit.crowded_load_factor};
  publish(step.day, today, transit_experience(lived, TransitInsecurity(config_.mode_choice, safety_)));
  if (config_.transit.fleet_allocation.mode == "by_demand") allocate_fleet_by_demand(loads, line_places, weekday);
}

}  // namespace mobility_detail

void register_mobility(Registration& registration, const City& city, const MobilityConfig& mobility,
                       const TransitConfig& transit, const ClimateConfig& climate) {
  if (!mobility.enabled) return;
  Channels& channels = registration.channels;
  auto service = std::make_shared<mobility_detail::MobilityService>(
      city, mobility, transit, climate, registration.metrics, registration.parallel, registration.seed,
      mobility_detail::Published{channels.publish<MobilityDay>(kMobilityDayChannel, "mobility.travel"),
                                 channels.publish<RoadCongestion>(kRoadCongestionChannel, "mobility.travel"),
                                 channels.read_optional<std::vector<mobility::Measure>>(
                                     kMobilityAdoptedMeasuresChannel, "mobility.measures", Timing::previous_day),
                                 registration.traces});
  // Travel reads the city and the other services' channels only, so it runs alongside them; but
  // vehicle traces are one recorder that waste trucks write to as well.
  const Reach reach = registration.traces == nullptr ? Reach::own_state : Reach::any;
  registration.scheduler.add(
      "mobility.measures", Cycle::daily(), [service](const StepContext& step) { service->apply_measures(step); },
      reach);
  registration.scheduler.add(
      "mobility.travel", Cycle::daily(), [service](const StepContext& step) { service->travel(step); }, reach);
  registration.scheduler.add_state("mobility", {"mobility.measures", "mobility.travel"}, state_hook(service));
}

}  // namespace munisim
