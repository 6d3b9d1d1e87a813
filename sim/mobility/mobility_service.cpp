#include "sim/mobility/mobility_service.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "sim/climate/emissions.hpp"
#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/mobility/activities.hpp"
#include "sim/mobility/mode_choice.hpp"
#include "sim/mobility/road_load.hpp"
#include "sim/mobility/transit_load.hpp"
#include "sim/mobility/transit_routes.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kTravelPurpose = stream_purpose("mobility.day");
constexpr std::uint32_t kCarPurpose = stream_purpose("mobility.car");
// Citizens per partial sum: the partials hold origin-destination-hour tables, so fewer and larger
// chunks than the engine's default blocks keep memory small; the size is fixed for determinism.
constexpr std::size_t kChunk = 16 * kBlockSize;
constexpr std::array<const char*, kVehicleTypes> kVehicleNames = {"combi", "bus", "electric_bus", "brt"};

bool night_hour(std::size_t hour) { return hour >= 19 || hour < 6; }

// Offsets of the daily sums in one flat partial.
struct Layout {
  std::size_t districts, odh;
  std::size_t trips, by_district, by_hour, time, wait, person_km, persons, travelling, fares, car, taxi, transit, size;

  explicit Layout(std::size_t district_count)
      : districts(district_count), odh(district_count * district_count * kHours) {
    std::size_t at = 0;
    const auto take = [&](std::size_t count) { return std::exchange(at, at + count); };
    trips = take(kModes * kGenders * kPurposes);
    by_district = take(districts * kModes);
    by_hour = take(kHours * kModes);
    time = take(kModes * kGenders);
    wait = take(kGenders);
    person_km = take(kModes);
    persons = take(kGenders);
    travelling = take(kGenders);
    fares = take(1);
    car = take(odh);
    taxi = take(odh);
    transit = take(odh);
    size = at;
  }
};

struct Ids {
  SeriesId trips, by_district, by_hour, share, time, wait, person_km, travelling, per_person, boardings, peak_load,
      load_factor, denied, extra_wait, crowded, transit_km, operator_cost, revenue, vehicle_km, emissions, energy,
      speed;
};

std::vector<std::string> unique_labels(const std::vector<RouteLine>& lines) {
  std::vector<std::string> labels;
  for (const RouteLine& line : lines) {
    const auto same = std::count(labels.begin(), labels.end(), line.name) +
                      std::count_if(labels.begin(), labels.end(),
                                    [&](const std::string& label) { return label.starts_with(line.name + " #"); });
    labels.push_back(same == 0 ? line.name : line.name + " #" + std::to_string(same + 1));
  }
  return labels;
}

std::uint32_t district_index(const City& city, const std::string& name, const char* key) {
  for (std::uint32_t d = 0; d < city.districts.size(); ++d) {
    if (city.districts[d].name == name) return d;
  }
  throw InputError({}, key, "'" + name + "' is not a district of this city");
}

class MobilityService {
 public:
  MobilityService(const City& city, const MobilityConfig& config, const TransitConfig& transit,
                  const ClimateConfig& climate, MetricsRegistry& metrics, std::uint64_t seed)
      : city_(city),
        config_(config),
        transit_(transit),
        climate_(climate),
        metrics_(metrics),
        skims_(city),
        routes_(city, config.transit, skims_),
        activities_(config.activities, skims_, populations(city)),
        choice_(config.mode_choice, config.transit.crowded_load_factor),
        roads_(city, skims_, config.roads),
        layout_(city.districts.size()),
        car_time_(roads_.free_flow()) {
    plan_scenario_lines();
    plan_trunk_lines();
    for (const RouteLine& line : routes_.lines()) {
      std::array<double, kVehicleTypes> mix{};
      mix[line.vehicle] = 1;
      mix_.push_back(mix);
    }
    previous_load_factor_.assign(routes_.lines().size() * kHours, 0.0);
    previous_extra_wait_.assign(routes_.lines().size() * kHours, 0.0);
    refresh_access();
    const auto income = city.households.column<std::uint8_t>("income_group");
    for (std::size_t h = 0; h < city.households.size(); ++h) {
      RandomStream stream(seed, h, 0, kCarPurpose);
      has_car_.push_back(stream.bernoulli(config.mode_choice.car_ownership_by_income[income[h]]) ? 1 : 0);
    }
    register_series();
  }

  void apply_measures(const StepContext& step);
  void travel(const StepContext& step);

 private:
  static std::vector<double> populations(const City& city) {
    std::vector<double> population;
    for (const District& district : city.districts) population.push_back(static_cast<double>(district.population));
    return population;
  }
  void plan_scenario_lines();
  void plan_trunk_lines();
  void refresh_access();
  void register_series();
  [[nodiscard]] std::vector<TripConditions> conditions(std::size_t weekday) const;
  [[nodiscard]] double places(std::size_t line) const;
  void record(SeriesId id, int day, const std::vector<double>& values) const;
  void record_loads(int day, const LineHourLoads& loads, const std::vector<double>& totals);
  void record_vehicles(int day, std::size_t weekday, const std::vector<double>& totals);

  const City& city_;
  const MobilityConfig& config_;
  const TransitConfig& transit_;
  const ClimateConfig& climate_;
  MetricsRegistry& metrics_;
  TravelSkims skims_;
  TransitRoutes routes_;
  ActivityModel activities_;
  ModeChoice choice_;
  RoadLoad roads_;
  Layout layout_;
  Ids ids_{};
  std::vector<double> car_time_;  // expected driving time [pair * 24 + hour], smoothed over days
  std::vector<double> previous_load_factor_, previous_extra_wait_;
  std::vector<std::array<double, kVehicleTypes>> mix_;  // per line: share of its vehicles by type
  std::vector<double> access_km_;
  std::vector<std::uint8_t> has_car_;
  std::vector<std::size_t> trunk_line_;  // per measure: its line, or -1
  std::vector<bool> applied_;
  SafetyMeasures safety_;
  double fare_factor_ = 1;
  double integration_ = 0;
};

VehicleType vehicle_type(const std::string& name) {
  if (name == "bus") return kBus;
  if (name == "electric_bus") return kElectricBus;
  if (name == "brt") return kBrt;
  return kCombi;
}

std::vector<std::uint32_t> route_through(const City& city, const std::vector<std::string>& names, const char* key) {
  std::vector<std::uint32_t> through;
  for (const std::string& name : names) through.push_back(district_index(city, name, key));
  return through;
}

void MobilityService::plan_scenario_lines() {
  for (const LineConfig& config : config_.transit.lines) {
    RouteLine line{.name = config.name, .fare_soles = config.fare_soles, .vehicle = vehicle_type(config.vehicle)};
    std::copy(config.headway_min.begin(), config.headway_min.end(), line.headway_min.begin());
    routes_.add_line(std::move(line), route_through(city_, config.districts, "mobility.transit.lines.districts"),
                     skims_, city_);
  }
  routes_.plan(skims_);
}

void MobilityService::plan_trunk_lines() {
  for (const MobilityMeasureConfig& measure : config_.measures) {
    trunk_line_.push_back(static_cast<std::size_t>(-1));
    applied_.push_back(false);
    if (measure.kind != "trunk_line") continue;
    std::string name = "trunk:";
    for (const std::string& district : measure.districts) name += " " + district;
    std::array<double, kTransitPeriods> headway{};
    headway.fill(measure.value);
    trunk_line_.back() = routes_.lines().size();
    routes_.add_line(RouteLine{.name = name,
                               .headway_min = headway,
                               .fare_soles = transit_.default_fare_soles,
                               .own_speed_kmh = config_.transit.trunk_speed_kmh,
                               .vehicle = vehicle_type(measure.vehicle),
                               .active = false},
                     route_through(city_, measure.districts, "mobility.measures.districts"), skims_, city_);
  }
}

void MobilityService::refresh_access() {
  std::vector<NodeId> stops;
  for (const RouteLine& line : routes_.lines()) {
    if (line.active) stops.insert(stops.end(), line.stop_nodes.begin(), line.stop_nodes.end());
  }
  std::sort(stops.begin(), stops.end());
  stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
  access_km_ = skims_.access_km(city_, stops);
}

double MobilityService::places(std::size_t line) const {
  const TransitServiceConfig& types = config_.transit;
  const std::array<double, kVehicleTypes> capacity = {types.combi.capacity, types.bus.capacity,
                                                      types.electric_bus.capacity, types.brt.capacity};
  double total = 0;
  for (std::size_t v = 0; v < kVehicleTypes; ++v) total += mix_[line][v] * capacity[v];
  return total;
}

void MobilityService::apply_measures(const StepContext& step) {
  // Measures added while the simulation runs come after those it started with.
  applied_.resize(config_.measures.size(), false);
  trunk_line_.resize(config_.measures.size(), static_cast<std::size_t>(-1));
  bool lines_changed = false;
  for (std::size_t m = 0; m < config_.measures.size(); ++m) {
    const MobilityMeasureConfig& measure = config_.measures[m];
    if (applied_[m] || measure.start_date.days_since_epoch() > step.date.days_since_epoch()) continue;
    applied_[m] = true;
    const std::string& kind = measure.kind;
    std::vector<RouteLine>& lines = routes_.lines();
    if (kind == "trunk_line") {
      lines[trunk_line_[m]].active = true;
      lines_changed = true;
    } else if (kind == "headway") {
      for (RouteLine& line : lines) {
        const bool named = measure.lines.empty() ||
                           std::find(measure.lines.begin(), measure.lines.end(), line.name) != measure.lines.end();
        if (named) {
          for (double& headway : line.headway_min) headway *= measure.value;
        }
      }
    } else if (kind == "fleet_renewal") {
      for (auto& mix : mix_) {
        const double renewed = mix[kCombi] * measure.value;
        mix[kCombi] -= renewed;
        mix[kBus] += renewed;
      }
    } else if (kind == "electrification") {
      for (auto& mix : mix_) {
        const double electrified = mix[kBus] * measure.value;
        mix[kBus] -= electrified;
        mix[kElectricBus] += electrified;
      }
    } else if (kind == "fare") {
      fare_factor_ *= measure.value;
    } else if (kind == "fare_integration") {
      integration_ = std::min(1.0, measure.value);
    } else if (kind == "street_lighting") {
      safety_.lighting = std::min(1.0, measure.value);
    } else if (kind == "staff_on_board") {
      safety_.staff_on_board = std::min(1.0, measure.value);
    } else if (kind == "women_only_vehicles") {
      safety_.women_only = std::min(1.0, measure.value);
    } else if (kind == "bike_lanes") {
      safety_.bike_lanes = std::min(1.0, measure.value);
    }
  }
  if (lines_changed) {
    routes_.plan(skims_);
    refresh_access();
  }
}

// What each district pair offers at each hour, from the lines as they run today and the roads and
// loads as they were yesterday.
std::vector<TripConditions> MobilityService::conditions(std::size_t weekday) const {
  const std::size_t districts = skims_.districts();
  const std::vector<RouteLine>& lines = routes_.lines();
  std::vector<TripConditions> result(layout_.odh);
  for (std::size_t pair = 0; pair < districts * districts; ++pair) {
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
        const LegService service = leg_service(*leg, lines, weekday, period);
        if (service.vehicles_per_min <= 0) {
          trip.transit = false;
          break;
        }
        trip.transit_wait_min += 0.5 / service.vehicles_per_min;
        for (std::size_t i = 0; i < leg->lines.size(); ++i) {
          const RouteLine& line = lines[leg->lines[i]];
          const double share = service.share[i];
          const std::size_t cell = leg->lines[i] * kHours + hour;
          const double speed = line.own_speed_kmh > 0 ? line.own_speed_kmh : transit_.commercial_speed_kmh[period];
          trip.transit_ride_min += share * leg->ride_km[i] / speed * 60.0;
          trip.transit_wait_min += share * previous_extra_wait_[cell];
          leg_load += share * previous_load_factor_[cell];
          const double fare = share * line.fare_soles * fare_factor_;
          trip.transit_fare_soles += leg == &option.second ? fare * (1 - integration_) : fare;
        }
        trip.transit_load_factor = std::max(trip.transit_load_factor, leg_load);  // the more crowded leg
      }
      trip.transit_transfer = option.transfers();
      trip.transit_walk_km = access_km_[pair / districts] + access_km_[pair % districts];
    }
  }
  return result;
}

void MobilityService::travel(const StepContext& step) {
  const auto weekday = static_cast<std::size_t>(step.date.weekday());
  const std::vector<TripConditions> trips = conditions(weekday);
  const auto district = city_.citizens.column<std::uint32_t>("district");
  const auto household = city_.citizens.column<std::uint32_t>("household");
  const auto gender = city_.citizens.column<std::uint8_t>("gender");
  const auto age = city_.citizens.column<std::uint8_t>("age_group");
  const auto income = city_.citizens.column<std::uint8_t>("income_group");
  const auto employed = city_.citizens.column<std::uint8_t>("employed");
  const auto weight = city_.citizens.column<double>("weight_persons");
  const Layout& at = layout_;
  const std::size_t districts = at.districts;
  const RoadsConfig& roads = config_.roads;

  const std::vector<double> totals = reduce_chunks(
      step.parallel, city_.citizens.size(), kChunk, std::vector<double>(at.size, 0.0),
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> part(at.size, 0.0);
        for (std::size_t c = begin; c < end; ++c) {
          RandomStream stream(step.seed, c, static_cast<std::uint32_t>(step.day), kTravelPurpose);
          const std::uint8_t g = gender[c];
          const DayTrips day =
              activities_.plan({district[c], g, age[c], employed[c] != 0}, static_cast<int>(weekday), stream);
          const double w = weight[c];
          part[at.persons + g] += w;
          if (day.count > 0) part[at.travelling + g] += w;
          const Chooser who{g, income[c], age[c] >= 1 && age[c] <= 3, has_car_[household[c]] != 0 && age[c] >= 1};
          for (std::size_t t = 0; t < day.count; ++t) {
            const Trip& trip = day.trips[t];
            const std::size_t pair = trip.origin * districts + trip.destination;
            const std::size_t odh = pair * kHours + static_cast<std::size_t>(trip.hour);
            const TripConditions& offer = trips[odh];
            const ModeOutcome outcome = choice_.choose(offer, who, safety_, stream.uniform());
            const std::size_t m = outcome.mode;
            part[at.trips + (m * kGenders + g) * kPurposes + trip.purpose] += w;
            part[at.by_district + trip.origin * kModes + m] += w;
            part[at.by_hour + static_cast<std::size_t>(trip.hour) * kModes + m] += w;
            part[at.time + m * kGenders + g] += w * outcome.time_min;
            part[at.person_km + m] += w * offer.distance_km;
            if (m == kTransit) {
              part[at.wait + g] += w * outcome.wait_min;
              part[at.transit + odh] += w;
              part[at.fares] += w * offer.transit_fare_soles;
            } else if (m == kCar) {
              part[at.car + odh] += w / roads.car_occupancy;
            } else if (m == kTaxi) {
              part[at.taxi + odh] += w / roads.taxi_occupancy;
            }
          }
        }
        return part;
      },
      [](std::vector<double> into, const std::vector<double>& part) {
        for (std::size_t i = 0; i < into.size(); ++i) into[i] += part[i];
        return into;
      });

  std::vector<double> line_places;
  for (std::size_t l = 0; l < routes_.lines().size(); ++l) line_places.push_back(places(l));
  const std::vector<double> demand(totals.begin() + static_cast<std::ptrdiff_t>(at.transit),
                                   totals.begin() + static_cast<std::ptrdiff_t>(at.transit + at.odh));
  const LineHourLoads loads = load_lines(routes_, weekday, demand, line_places);
  previous_load_factor_ = loads.load_factor;
  previous_extra_wait_ = loads.extra_wait_min;

  // Roads: cars and taxis between districts, and every running bus on the paths between the
  // districts its line passes.
  std::vector<double> pcu(at.odh, 0.0);
  for (std::size_t i = 0; i < at.odh; ++i) pcu[i] = totals[at.car + i] + totals[at.taxi + i];
  for (const RouteLine& line : routes_.lines()) {
    if (!line.active) continue;
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const double headway = line.headway_on(weekday, period_of_hour(hour));
      if (headway <= 0) continue;
      for (std::size_t v = 1; v < line.districts.size(); ++v) {
        pcu[skims_.pair(line.districts[v - 1], line.districts[v]) * kHours + hour] += 60.0 / headway * roads.bus_pcu;
      }
    }
  }
  const RoadTimes today = roads_.assign(pcu);
  for (std::size_t i = 0; i < car_time_.size(); ++i) {
    car_time_[i] += roads.smoothing * (today.time_min[i] - car_time_[i]);
  }
  record(ids_.speed, step.day, today.speed_kmh);
  record_loads(step.day, loads, totals);
  record_vehicles(step.day, weekday, totals);
}

void MobilityService::record(SeriesId id, int day, const std::vector<double>& values) const {
  const std::span<double> cells = metrics_.series(id).day(day);
  std::copy(values.begin(), values.end(), cells.begin());
}

void MobilityService::register_series() {
  const Dimension mode{"mode", {kModeNames.begin(), kModeNames.end()}};
  const Dimension gender{"gender", gender_labels()};
  const Dimension purpose{"purpose", {kPurposeNames.begin(), kPurposeNames.end()}};
  const Dimension district{"district", district_labels(city_)};
  std::vector<std::string> hours;
  for (std::size_t h = 0; h < kHours; ++h) hours.push_back(std::to_string(h) + "h");
  const Dimension hour{"hour", hours};
  const Dimension line{"line", unique_labels(routes_.lines())};
  std::vector<std::string> vehicle_fuel;
  const TransitServiceConfig& types = config_.transit;
  for (const auto& [name, type] : {std::pair{"combi", &types.combi}, std::pair{"bus", &types.bus},
                                   std::pair{"electric_bus", &types.electric_bus}, std::pair{"brt", &types.brt}}) {
    vehicle_fuel.push_back(std::string(name) + "_" + type->fuel);
  }
  vehicle_fuel.insert(vehicle_fuel.end(), {"car_gasoline", "taxi_gasoline"});
  auto add = [&](std::string name, std::string unit, std::string description, std::vector<Dimension> dims,
                 Summary summary) {
    return metrics_.add({std::move(name), std::move(unit), std::move(description), std::move(dims), summary});
  };
  Ids& ids = ids_;
  ids.trips = add("mobility_trips", "trips", "trips made, by mode, gender and purpose", {mode, gender, purpose},
                  Summary::total);
  ids.by_district = add("mobility_trips_by_district", "trips", "trips by the district they start in and mode",
                        {district, mode}, Summary::total);
  ids.by_hour =
      add("mobility_trips_by_hour", "trips", "trips by the hour they start and mode", {hour, mode}, Summary::total);
  ids.share =
      add("mobility_mode_share", "1", "share of each gender's trips made by each mode", {gender, mode}, Summary::none);
  ids.time = add("mobility_travel_time_min", "min", "mean door-to-door time of a trip", {mode, gender}, Summary::none);
  ids.wait = add("mobility_transit_wait_min", "min",
                 "mean wait of a bus or combi trip at its stops (half the headway, plus the extra wait of denied "
                 "boardings expected from the day before)",
                 {gender}, Summary::mean);
  ids.person_km = add("mobility_person_km", "km", "distance travelled by people, by mode", {mode}, Summary::total);
  ids.travelling =
      add("mobility_persons_travelling", "persons", "people making at least one trip", {gender}, Summary::mean);
  ids.per_person = add("mobility_trips_per_person", "trips/person", "trips per resident", {}, Summary::mean);
  ids.boardings =
      add("transit_boardings", "boardings", "riders boarding each line, by hour", {line, hour}, Summary::total);
  ids.peak_load = add("transit_peak_load", "passengers", "riders on the line's busiest stretch, by hour", {line, hour},
                      Summary::none);
  ids.load_factor =
      add("transit_load_factor", "1", "busiest stretch's riders over the hour's capacity", {line, hour}, Summary::none);
  ids.denied =
      add("transit_denied_boardings", "boardings",
          "riders left at the stop by full vehicles (they board one headway later)", {line, hour}, Summary::total);
  ids.extra_wait = add("transit_extra_wait_min", "min", "mean extra wait per boarding caused by denied boardings",
                       {line, hour}, Summary::none);
  ids.crowded = add("transit_crowded_share", "1",
                    "share of boardings onto crowded line-hours (load factor above "
                    "mobility.transit.crowded_load_factor)",
                    {}, Summary::mean);
  ids.transit_km = add("transit_vehicle_km", "km", "distance driven by transit vehicles, by type",
                       {{"vehicle", {kVehicleNames.begin(), kVehicleNames.end()}}}, Summary::total);
  ids.operator_cost =
      add("transit_operator_cost_soles", "soles", "operating cost of the transit vehicles", {}, Summary::total);
  ids.revenue = add("transit_fare_revenue_soles", "soles", "fares paid by riders", {}, Summary::total);
  ids.vehicle_km = add("mobility_car_taxi_vehicle_km", "km", "distance driven by private cars and taxis",
                       {{"vehicle", {"car", "taxi"}}}, Summary::total);
  ids.emissions = add("mobility_emissions_tco2e", "tCO2e", "tank-to-wheel CO2 of travel by vehicle type and fuel",
                      {{"vehicle_fuel", vehicle_fuel}}, Summary::total);
  ids.energy = add("mobility_energy_kwh", "kWh",
                   "final energy of travel by vehicle type and fuel (net calorific "
                   "values of IPCC 2006)",
                   {{"vehicle_fuel", vehicle_fuel}}, Summary::total);
  ids.speed = add("road_speed_kmh", "km/h", "mean speed of cars, taxis and buses between and within districts", {hour},
                  Summary::none);
}

void MobilityService::record_loads(int day, const LineHourLoads& loads, const std::vector<double>& totals) {
  const Layout& at = layout_;
  const auto slice = [&](std::size_t offset, std::size_t count) {
    return std::vector<double>(totals.begin() + static_cast<std::ptrdiff_t>(offset),
                               totals.begin() + static_cast<std::ptrdiff_t>(offset + count));
  };
  record(ids_.trips, day, slice(at.trips, kModes * kGenders * kPurposes));
  record(ids_.by_district, day, slice(at.by_district, at.districts * kModes));
  record(ids_.by_hour, day, slice(at.by_hour, kHours * kModes));
  record(ids_.person_km, day, slice(at.person_km, kModes));
  record(ids_.travelling, day, slice(at.travelling, kGenders));

  std::vector<double> trips_by_mode_gender(kModes * kGenders, 0.0), gender_trips(kGenders, 0.0);
  for (std::size_t m = 0; m < kModes; ++m) {
    for (std::size_t g = 0; g < kGenders; ++g) {
      for (std::size_t p = 0; p < kPurposes; ++p) {
        trips_by_mode_gender[m * kGenders + g] += totals[at.trips + (m * kGenders + g) * kPurposes + p];
      }
      gender_trips[g] += trips_by_mode_gender[m * kGenders + g];
    }
  }
  std::vector<double> share(kGenders * kModes, 0.0), time(kModes * kGenders, 0.0), wait(kGenders, 0.0);
  for (std::size_t m = 0; m < kModes; ++m) {
    for (std::size_t g = 0; g < kGenders; ++g) {
      const double count = trips_by_mode_gender[m * kGenders + g];
      if (gender_trips[g] > 0) share[g * kModes + m] = count / gender_trips[g];
      if (count > 0) time[m * kGenders + g] = totals[at.time + m * kGenders + g] / count;
    }
  }
  for (std::size_t g = 0; g < kGenders; ++g) {
    const double transit = trips_by_mode_gender[kTransit * kGenders + g];
    if (transit > 0) wait[g] = totals[at.wait + g] / transit;
  }
  record(ids_.share, day, share);
  record(ids_.time, day, time);
  record(ids_.wait, day, wait);
  const double persons = totals[at.persons] + totals[at.persons + 1];
  record(ids_.per_person, day, {persons > 0 ? (gender_trips[0] + gender_trips[1]) / persons : 0.0});

  record(ids_.boardings, day, loads.boardings);
  record(ids_.peak_load, day, loads.peak_load);
  record(ids_.load_factor, day, loads.load_factor);
  record(ids_.denied, day, loads.denied);
  record(ids_.extra_wait, day, loads.extra_wait_min);
  double boarded = 0, crowded = 0;
  for (std::size_t cell = 0; cell < loads.boardings.size(); ++cell) {
    boarded += loads.boardings[cell];
    if (loads.load_factor[cell] > config_.transit.crowded_load_factor) crowded += loads.boardings[cell];
  }
  record(ids_.crowded, day, {boarded > 0 ? crowded / boarded : 0.0});
  record(ids_.revenue, day, {totals[at.fares]});
}

void MobilityService::record_vehicles(int day, std::size_t weekday, const std::vector<double>& totals) {
  const Layout& at = layout_;
  const TransitServiceConfig& types = config_.transit;
  const std::array<const VehicleTypeConfig*, kVehicleTypes> type = {&types.combi, &types.bus, &types.electric_bus,
                                                                    &types.brt};
  std::vector<double> km(kVehicleTypes, 0.0);
  for (std::size_t l = 0; l < routes_.lines().size(); ++l) {
    const RouteLine& line = routes_.lines()[l];
    if (!line.active) continue;
    double line_km = 0;
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const double headway = line.headway_on(weekday, period_of_hour(hour));
      if (headway > 0) line_km += 60.0 / headway * line.length_km;
    }
    for (std::size_t v = 0; v < kVehicleTypes; ++v) km[v] += mix_[l][v] * line_km;
  }
  double cost = 0;
  std::vector<double> emissions(kVehicleTypes + 2, 0.0), energy(kVehicleTypes + 2, 0.0);
  for (std::size_t v = 0; v < kVehicleTypes; ++v) {
    cost += km[v] * type[v]->cost_soles_per_km;
    const Fuel fuel = fuel_from_name(type[v]->fuel);
    emissions[v] = fuel_tco2e(climate_, fuel, km[v] * type[v]->fuel_per_km);
    energy[v] = fuel_energy_kwh(fuel, km[v] * type[v]->fuel_per_km);
  }
  std::vector<double> car_taxi_km(2, 0.0);
  for (std::size_t i = 0; i < at.odh; ++i) {
    const double distance = skims_.distance_km(i / kHours);
    car_taxi_km[0] += totals[at.car + i] * distance;
    car_taxi_km[1] += totals[at.taxi + i] * distance;
  }
  const std::array<double, 2> gasoline_l = {car_taxi_km[0] * config_.roads.car_fuel_l_per_km,
                                            car_taxi_km[1] * config_.roads.taxi_fuel_l_per_km};
  for (std::size_t k = 0; k < 2; ++k) {
    emissions[kVehicleTypes + k] = fuel_tco2e(climate_, Fuel::gasoline, gasoline_l[k]);
    energy[kVehicleTypes + k] = fuel_energy_kwh(Fuel::gasoline, gasoline_l[k]);
  }
  record(ids_.transit_km, day, km);
  record(ids_.operator_cost, day, {cost});
  record(ids_.vehicle_km, day, car_taxi_km);
  record(ids_.emissions, day, emissions);
  record(ids_.energy, day, energy);
}

}  // namespace

void register_mobility_service(Scheduler& scheduler, MetricsRegistry& metrics, const City& city,
                               const MobilityConfig& mobility, const TransitConfig& transit,
                               const ClimateConfig& climate, std::uint64_t seed) {
  if (!mobility.enabled) return;
  auto service = std::make_shared<MobilityService>(city, mobility, transit, climate, metrics, seed);
  scheduler.add("mobility.measures", Cycle::daily(),
                [service](const StepContext& step) { service->apply_measures(step); });
  scheduler.add("mobility.travel", Cycle::daily(), [service](const StepContext& step) { service->travel(step); });
}

}  // namespace munisim
