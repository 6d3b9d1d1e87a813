// What the mobility service records: trips, times, transit loads, vehicles, energy and emissions.
#include <algorithm>
#include <utility>

#include "sim/climate/emissions.hpp"
#include "sim/mobility/detail/mobility_state.hpp"

namespace munisim::mobility_detail {
namespace {

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

}  // namespace

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
          "riders the hour's vehicles did not carry: they board one headway later or, with "
          "mobility.transit.queue_carryover, queue into later hours or give up; each counted once, in the hour they "
          "arrived",
          {line, hour}, Summary::total);
  if (config_.transit.queue_patience_min > 0) {
    ids.abandoned = add("transit_abandoned_boardings", "riders",
                        "riders who gave up queueing at the line in that hour and finished the trip by taxi, mototaxi "
                        "or colectivo (mobility.transit.queue_patience_min; their trips stay counted as bus_combi)",
                        {line, hour}, Summary::total);
  }
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
  ids.vehicles_in_service = add("transit_vehicles_in_service", "vehicles",
                                "vehicles the timetable keeps on the road each hour: every line's run time at the "
                                "commercial speed in free-flowing traffic over its headway (compare the peak with a "
                                "city's registered fleet)",
                                {hour}, Summary::none);
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
  if (ids_.abandoned) record(*ids_.abandoned, day, loads.abandoned);
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
  std::vector<double> in_service(kHours, 0.0);
  for (std::size_t l = 0; l < routes_.lines().size(); ++l) {
    const RouteLine& line = routes_.lines()[l];
    if (!line.active) continue;
    double line_km = 0;
    for (std::size_t hour = 0; hour < kHours; ++hour) {
      const std::size_t period = period_of_hour(hour);
      const double headway = line.headway_on(weekday, period);
      if (headway <= 0) continue;
      line_km += 60.0 / headway * line.length_km;
      in_service[hour] += free_run_time_min(line, period) / headway;
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
  record(ids_.vehicles_in_service, day, in_service);
  record(ids_.operator_cost, day, {cost});
  record(ids_.vehicle_km, day, car_taxi_km);
  record(ids_.emissions, day, emissions);
  record(ids_.energy, day, energy);
}

void MobilityService::publish(int day, const RoadTimes& today, TransitExperience lived) {
  const auto values = [&](SeriesId id) {
    const std::span<const double> recorded = metrics_.series(id).day(day);
    return std::vector<double>(recorded.begin(), recorded.end());
  };
  MobilityDay& out = published_.day.value();
  out.districts = layout_.districts;
  out.genders = kGenders;
  out.modes = kModes;
  out.lines = routes_.lines().size();
  out.trips_by_district_mode = values(ids_.by_district);
  // mobility_trips is [mode][gender][purpose]: summed over purposes, laid out by gender first.
  const std::vector<double> trips = values(ids_.trips);
  out.trips_by_gender_mode.assign(kGenders * kModes, 0.0);
  for (std::size_t m = 0; m < kModes; ++m) {
    for (std::size_t g = 0; g < kGenders; ++g) {
      for (std::size_t p = 0; p < kPurposes; ++p) {
        out.trips_by_gender_mode[g * kModes + m] += trips[(m * kGenders + g) * kPurposes + p];
      }
    }
  }
  out.transit_wait_min_by_gender = values(ids_.wait);
  out.denied_boardings_by_line_hour = values(ids_.denied);
  const std::vector<double> boardings = values(ids_.boardings);
  const std::vector<double> load_factor = values(ids_.load_factor);
  out.crowded_boardings_by_line_hour.assign(boardings.size(), 0.0);
  for (std::size_t cell = 0; cell < boardings.size(); ++cell) {
    if (load_factor[cell] > config_.transit.crowded_load_factor)
      out.crowded_boardings_by_line_hour[cell] = boardings[cell];
  }
  out.transit_trips_by_district_gender = std::move(lived.trips);
  out.transit_wait_min_by_district_gender = std::move(lived.wait_min);
  out.denied_by_district_gender = std::move(lived.denied);
  out.crowded_by_district_gender = std::move(lived.crowded);
  out.insecurity_by_district_gender = std::move(lived.insecurity);
  out.operator_cost_soles = values(ids_.operator_cost)[0];
  out.fare_revenue_soles = values(ids_.revenue)[0];
  out.emissions_tco2e = 0;
  for (double tco2e : values(ids_.emissions)) out.emissions_tco2e += tco2e;

  RoadCongestion& roads = published_.roads.value();
  roads.districts = layout_.districts;
  roads.travel_time_factor.resize(today.time_min.size());
  for (std::size_t i = 0; i < today.time_min.size(); ++i) {
    roads.travel_time_factor[i] = std::max(1.0, today.time_min[i] / skims_.free_time_min(i / kHours));
  }
}

}  // namespace munisim::mobility_detail
