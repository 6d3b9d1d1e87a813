// What a scenario says about daily travel: how many trips people make and when, how they choose a
// mode, what transit vehicles carry and burn, how roads slow down under load, and the measures a
// city can test. Every default names its source; docs/mobility.md gives the equations.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/mobility/mobility_measures.hpp"

namespace munisim {

inline constexpr std::size_t kModes = 5;
inline constexpr std::array<const char*, kModes> kModeNames = {"walk", "bicycle", "bus_combi", "taxi_mototaxi", "car"};
enum Mode : std::size_t { kWalk, kBicycle, kTransit, kTaxi, kCar };
inline constexpr std::size_t kPurposes = 5;
inline constexpr std::array<const char*, kPurposes> kPurposeNames = {"work", "study", "care", "shopping", "other"};
enum Purpose : std::size_t { kWork, kStudy, kCare, kShopping, kOther };

// When a purpose's outbound trip starts and how long the activity lasts.
struct ActivityTiming {
  double departure_hour = 8;
  double departure_sd_h = 1;
  double duration_h = 8;

  template <class V>
  void visit(V& v) {
    v.field("departure_hour", departure_hour,
            {.unit = "h", .meaning = "mean hour the outbound trip starts", .min = 0, .max = 23.99, .source = "[EST]"});
    v.field("departure_sd_h", departure_sd_h,
            {.unit = "h", .meaning = "standard deviation of that hour", .min = 0, .max = 12, .source = "[EST]"});
    v.field("duration_h", duration_h,
            {.unit = "h",
             .meaning = "time at the activity before the return trip",
             .min = 0,
             .max = 16,
             .source = "[EST]"});
  }
};

// Departure-time choice (docs/mobility.md, "Departure hours"): each day the departure hours of a
// purpose from a home district move away from hours whose transit riders remember denied boardings
// and crowding, at a schedule-delay cost for leaving earlier or later than they would like.
struct DepartureChoiceConfig {
  bool enabled = false;
  double early_utils_per_h = 1.83;
  double late_utils_per_h = 7.2;
  double cost_scale = 1;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled,
            {.meaning = "departure hours follow a logit over hours with the remembered crowding and extra waits of "
                        "transit and a schedule-delay penalty; false (default): the base hours of each purpose"});
    v.field("early_utils_per_h", early_utils_per_h,
            {.unit = "utils/h",
             .meaning = "schedule-delay penalty per hour of leaving earlier than the preferred hour",
             .min = 0,
             .max = 30,
             .source = "[EST] 0.61 x the value of in-vehicle time (Small 1982: early 0.065 against travel 0.106 per "
                       "min) x 3 utils/h (mode_choice.in_vehicle_per_min -0.05); plausible 0.9-3 utils/h (ratios "
                       "0.3-1)"});
    v.field("late_utils_per_h", late_utils_per_h,
            {.unit = "utils/h",
             .meaning = "schedule-delay penalty per hour of leaving later than the preferred hour",
             .min = 0,
             .max = 30,
             .source = "[EST] 2.4 x the value of in-vehicle time (Small 1982: late 0.254 against travel 0.106 per "
                       "min) x 3 utils/h; plausible 3-12 utils/h (ratios 1-4)"});
    v.field("cost_scale", cost_scale,
            {.unit = "1",
             .meaning = "weight of the remembered transit crowding and extra wait (in mode-choice utils) in the "
                        "choice of hour; 1: valued as in mode choice",
             .min = 0,
             .max = 10,
             .source = "[EST] 1: one utility scale for mode and hour"});
  }
};

// Tours per person and day. Weekday lists run Monday..Sunday; gender lists are female, male.
struct ActivitiesConfig {
  std::vector<double> work_by_weekday = {0.9, 0.9, 0.9, 0.9, 0.9, 0.45, 0.1};
  std::vector<double> study_by_weekday = {0.95, 0.95, 0.95, 0.95, 0.95, 0.1, 0.0};
  double students_15_29 = 0.4;
  std::vector<double> care_by_gender = {0.32, 0.07};
  double care_chained_share = 0.6;
  std::vector<double> shopping_by_gender = {0.28, 0.14};
  std::vector<double> other_by_gender = {0.2, 0.24};
  double weekend_discretionary_factor = 1.3;
  ActivityTiming work{.departure_hour = 7, .departure_sd_h = 1, .duration_h = 9};
  ActivityTiming study{.departure_hour = 7, .departure_sd_h = 0.5, .duration_h = 6};
  ActivityTiming care{.departure_hour = 8, .departure_sd_h = 2, .duration_h = 1};
  ActivityTiming shopping{.departure_hour = 11, .departure_sd_h = 2.5, .duration_h = 1.5};
  ActivityTiming other{.departure_hour = 17, .departure_sd_h = 3, .duration_h = 2};
  std::vector<double> distance_decay_per_km = {0.08, 0.25, 0.6, 0.35, 0.15};
  DepartureChoiceConfig departure_choice;

  template <class V>
  void visit(V& v) {
    v.field("work_by_weekday", work_by_weekday,
            {.unit = "1",
             .meaning = "chance an employed person makes a work tour, Monday..Sunday",
             .min = 0,
             .max = 1,
             .source = "[EST] calibrated to 2.1 trips/person/day (FACTS.md §2.3)"});
    v.field("study_by_weekday", study_by_weekday,
            {.unit = "1",
             .meaning = "chance a pupil or student makes a study tour, Monday..Sunday",
             .min = 0,
             .max = 1,
             .source = "[EST] school calendar"});
    v.field("students_15_29", students_15_29,
            {.unit = "1",
             .meaning = "share of people aged 15-29 not employed who study",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("care_by_gender", care_by_gender,
            {.unit = "1",
             .meaning = "chance an adult makes a care or escort tour on a day, female, male",
             .min = 0,
             .max = 1,
             .source = "[EST] 35 % of women's trips are care trips (CAF/Steer Mexico City, FACTS.md §6)"});
    v.field("care_chained_share", care_chained_share,
            {.unit = "1",
             .meaning = "share of working carers who chain the escort into the work tour (one trip "
                        "more instead of a tour of two)",
             .min = 0,
             .max = 1,
             .source = "[EST] trip chaining is reported for women (FACTS.md §6), not measured"});
    v.field("shopping_by_gender", shopping_by_gender,
            {.unit = "1",
             .meaning = "chance of a shopping tour on a weekday, female, male",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("other_by_gender", other_by_gender,
            {.unit = "1",
             .meaning = "chance of a tour for other purposes on a weekday, female, male",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("weekend_discretionary_factor", weekend_discretionary_factor,
            {.unit = "1",
             .meaning = "shopping and other tours on Saturday and Sunday relative to weekdays",
             .min = 0,
             .max = 5,
             .source = "[EST]"});
    v.object("work", work, {.meaning = "timing of work tours"});
    v.object("study", study, {.meaning = "timing of study tours"});
    v.object("care", care, {.meaning = "timing of care and escort tours"});
    v.object("shopping", shopping, {.meaning = "timing of shopping tours"});
    v.object("other", other, {.meaning = "timing of other tours"});
    v.field("distance_decay_per_km", distance_decay_per_km,
            {.unit = "1/km",
             .meaning = "gravity model: a destination district's pull falls as exp(-decay x km), by purpose "
                        "work, study, care, shopping, other",
             .min = 0,
             .max = 10,
             .source = "[EST]"});
    v.object("departure_choice", departure_choice,
             {.meaning = "departure hours chosen each day against remembered transit crowding (docs/mobility.md)"});
  }
  void check(schema::Checks& checks) const;
};

// Multinomial logit over the five modes. Utilities in "minutes of in-vehicle time" are scaled by
// time_per_min; costs are converted by the value of time by income group.
struct ModeChoiceConfig {
  std::vector<double> constants = {1.8, -3.0, 1.5, -0.8, 0.4};
  double in_vehicle_per_min = -0.05;
  double walk_per_min = -0.09;
  double bicycle_per_min = -0.1;
  double wait_per_min = -0.1;
  double cost_per_sol = -0.35;
  std::vector<double> cost_factor_by_income = {1.6, 1.0, 0.5};
  double crowding_per_min = -0.04;
  double transfer = -0.4;
  std::vector<double> transit_safety_by_gender = {-0.6, -0.1};
  std::vector<double> night_safety_by_gender = {-0.8, -0.2};
  std::vector<double> crowded_safety_by_gender = {-0.5, -0.05};
  std::vector<double> long_walk_safety_by_gender = {-0.3, 0.0};
  std::vector<double> bicycle_safety_by_gender = {-1.4, -0.6};
  std::vector<double> car_ownership_by_income = {0.04, 0.12, 0.4};
  double walk_speed_kmh = 4.5;
  double bicycle_speed_kmh = 12;
  double taxi_wait_min = 5;
  double taxi_flag_soles = 3;
  double taxi_soles_per_km = 1.2;
  double car_soles_per_km = 0.5;
  double car_parking_soles = 2;

  template <class V>
  void visit(V& v) {
    v.field("constants", constants,
            {.unit = "utils",
             .meaning = "alternative-specific constants walk, bicycle, bus_combi, taxi_mototaxi, car",
             .min = -100,
             .max = 100,
             .source = "[EST] calibrated to ~70 % collective trips in Arequipa (FACTS.md "
                       "§2.3)"});
    v.field("in_vehicle_per_min", in_vehicle_per_min,
            {.unit = "utils/min",
             .meaning = "in-vehicle time (bicycle riding counts as in-vehicle)",
             .min = -10,
             .max = 0,
             .source = "[EST] typical Latin American MNL values"});
    v.field("bicycle_per_min", bicycle_per_min,
            {.unit = "utils/min",
             .meaning = "riding a bicycle (effort, heat, hills)",
             .min = -10,
             .max = 0,
             .source = "[EST] like walking"});
    v.field("walk_per_min", walk_per_min,
            {.unit = "utils/min",
             .meaning = "walking, as the whole trip or to and from stops",
             .min = -10,
             .max = 0,
             .source = "[EST] about twice in-vehicle time"});
    v.field("wait_per_min", wait_per_min,
            {.unit = "utils/min",
             .meaning = "waiting at a stop or for a taxi",
             .min = -10,
             .max = 0,
             .source = "[EST] about twice in-vehicle time"});
    v.field("cost_per_sol", cost_per_sol,
            {.unit = "utils/sol",
             .meaning = "money cost for a middle-income traveller",
             .min = -10,
             .max = 0,
             .source = "[EST] value of time ~8.6 soles/h"});
    v.field("cost_factor_by_income", cost_factor_by_income,
            {.unit = "1",
             .meaning = "cost sensitivity of income groups low, middle, high",
             .min = 0,
             .max = 10,
             .source = "[EST]"});
    v.field("crowding_per_min", crowding_per_min,
            {.unit = "utils/min",
             .meaning = "per in-vehicle minute at full load (scaled by the load factor "
                        "above 0.8)",
             .min = -10,
             .max = 0,
             .source = "[EST]"});
    v.field("transfer", transfer,
            {.unit = "utils", .meaning = "each change of line", .min = -10, .max = 0, .source = "[EST]"});
    v.field("transit_safety_by_gender", transit_safety_by_gender,
            {.unit = "utils",
             .meaning = "perceived insecurity of riding buses and combis, female, male",
             .min = -10,
             .max = 0,
             .source = "[EST] 6 of 10 women in Trujillo report harassment in public transport (FACTS.md §6)"});
    v.field("night_safety_by_gender", night_safety_by_gender,
            {.unit = "utils",
             .meaning = "extra insecurity of walking or waiting after dark (19-6 h), female, male",
             .min = -10,
             .max = 0,
             .source = "[EST] 50 % of Lima women travel by day or on lit streets even if slower (FACTS.md §6)"});
    v.field("crowded_safety_by_gender", crowded_safety_by_gender,
            {.unit = "utils",
             .meaning = "extra insecurity in a crowded vehicle (load factor above 0.8), female, "
                        "male",
             .min = -10,
             .max = 0,
             .source = "[EST] groping is most reported in crowded vehicles (FACTS.md §6)"});
    v.field("long_walk_safety_by_gender", long_walk_safety_by_gender,
            {.unit = "utils/km",
             .meaning = "insecurity per km walked to and from stops, female, male",
             .min = -10,
             .max = 0,
             .source = "[EST]"});
    v.field("bicycle_safety_by_gender", bicycle_safety_by_gender,
            {.unit = "utils",
             .meaning = "insecurity of cycling in traffic, female, male; lowered by bike lanes",
             .min = -10,
             .max = 0,
             .source = "[EST] cycling share very low in Trujillo (FACTS.md §2.2); women cycle less"});
    v.field("car_ownership_by_income", car_ownership_by_income,
            {.unit = "1",
             .meaning = "share of households with a car, by income group low, middle, high",
             .min = 0,
             .max = 1,
             .source = "[EST] 12 % use their own car to work in Lima (FACTS.md §2.4)"});
    v.field("walk_speed_kmh", walk_speed_kmh,
            {.unit = "km/h", .meaning = "walking speed", .min = 1, .max = 10, .source = "[EST]"});
    v.field("bicycle_speed_kmh", bicycle_speed_kmh,
            {.unit = "km/h", .meaning = "cycling speed", .min = 3, .max = 40, .source = "[EST]"});
    v.field("taxi_wait_min", taxi_wait_min,
            {.unit = "min", .meaning = "time to find a taxi or mototaxi", .min = 0, .max = 60, .source = "[EST]"});
    v.field("taxi_flag_soles", taxi_flag_soles,
            {.unit = "soles", .meaning = "taxi fare at boarding", .min = 0, .max = 100, .source = "[EST]"});
    v.field("taxi_soles_per_km", taxi_soles_per_km,
            {.unit = "soles/km", .meaning = "taxi fare per km", .min = 0, .max = 20, .source = "[EST]"});
    v.field("car_soles_per_km", car_soles_per_km,
            {.unit = "soles/km",
             .meaning = "fuel and wear of a private car",
             .min = 0,
             .max = 20,
             .source = "[EST] 0.08 L/km x 6 soles/L"});
    v.field("car_parking_soles", car_parking_soles,
            {.unit = "soles", .meaning = "parking per trip", .min = 0, .max = 100, .source = "[EST]"});
  }
  void check(schema::Checks& checks) const;
};

// A kind of transit vehicle: how many it carries, what it burns and what it costs to run.
struct VehicleTypeConfig {
  double capacity = 20;
  std::string fuel = "diesel";
  double fuel_per_km = 0.12;
  double cost_soles_per_km = 1.8;

  template <class V>
  void visit(V& v) {
    v.field("capacity", capacity, {.unit = "passengers", .meaning = "seated and standing", .min = 1, .max = 500});
    v.field("fuel", fuel, {.meaning = "energy carrier", .choices = {"diesel", "cng", "electric", "gasoline"}});
    v.field("fuel_per_km", fuel_per_km,
            {.unit = "L/km, kg/km or kWh/km",
             .meaning = "energy use in the fuel's unit (L diesel or gasoline, kg "
                        "CNG, kWh)",
             .min = 0,
             .max = 20});
    v.field("cost_soles_per_km", cost_soles_per_km,
            {.unit = "soles/km",
             .meaning = "operating cost (driver, fuel, upkeep, capital)",
             .min = 0,
             .max = 100,
             .source = "[EST]"});
  }
};

// A line the scenario draws itself: through districts in order along the fastest streets.
struct LineConfig {
  std::string name;
  std::vector<std::string> districts;
  std::vector<double> headway_min = {30, 10, 15, 10, 20};
  double fare_soles = 1.5;
  std::string vehicle = "combi";

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "line name", .required = true});
    v.field("districts", districts,
            {.meaning = "district names in the order the line runs through them (at least 2)", .required = true});
    v.field("headway_min", headway_min,
            {.unit = "min",
             .meaning = "headway by period night, am_peak, midday, pm_peak, evening (0: no service)",
             .min = 0,
             .max = 720,
             .source = "[EST]"});
    v.field("fare_soles", fare_soles, {.unit = "soles", .meaning = "fare", .min = 0, .max = 50, .source = "[EST]"});
    v.field("vehicle", vehicle, {.meaning = "its vehicles", .choices = {"combi", "bus", "electric_bus", "brt"}});
  }
  void check(schema::Checks& checks) const;
};

// How the fleet is spread over lines and periods (sim/mobility/fleet_allocation.hpp).
struct FleetAllocationConfig {
  std::string mode = "none";
  double vehicles = 0;
  double min_vehicles_per_line = 1;

  template <class V>
  void visit(V& v) {
    v.field("mode", mode,
            {.meaning = "none: every line keeps its timetable's headways; by_demand: from the second day the fleet "
                        "below is spread over the lines and periods in proportion to the vehicles each needed the "
                        "day before (riders on its busiest stretch per hour over one vehicle's places, times its run "
                        "time), each period running what it needs up to the fleet; headway = run time / vehicles. "
                        "Imported, generated and drawn lines alike; a measure's headway factor still applies",
             .choices = {"none", "by_demand"}});
    v.field("vehicles", vehicles,
            {.unit = "vehicles",
             .meaning = "fleet that can be in service at once (by_demand; e.g. the registered fleet)",
             .min = 0,
             .max = 1e6,
             .source = "Trujillo 2,195 microbuses and combis, MPT RG 1286-2020 (FACTS.md §2.2)"});
    v.field("min_vehicles_per_line", min_vehicles_per_line,
            {.unit = "vehicles",
             .meaning = "least vehicles in service on a running line in any period it runs (by_demand)",
             .min = 0.1,
             .max = 1000,
             .source = "[EST] a route concession keeps some service on every authorised line"});
  }
  void check(schema::Checks& checks) const;
};

struct TransitServiceConfig {
  std::string vehicle = "combi";
  VehicleTypeConfig combi{.capacity = 20, .fuel = "diesel", .fuel_per_km = 0.12, .cost_soles_per_km = 1.8};
  VehicleTypeConfig bus{.capacity = 70, .fuel = "diesel", .fuel_per_km = 0.45, .cost_soles_per_km = 4.5};
  VehicleTypeConfig electric_bus{.capacity = 70, .fuel = "electric", .fuel_per_km = 1.6, .cost_soles_per_km = 4.0};
  VehicleTypeConfig brt{.capacity = 160, .fuel = "diesel", .fuel_per_km = 0.9, .cost_soles_per_km = 8.0};
  double crowded_load_factor = 0.8;
  double smoothing = 1;
  std::string smoothing_schedule = "constant";
  bool remember_by_day_kind = false;
  bool queue_carryover = false;
  double queue_patience_min = 0;
  double trunk_speed_kmh = 25;
  double synthetic_headway_min = 8;
  double synthetic_fare_soles = 1.5;
  double headway_factor = 1;
  FleetAllocationConfig fleet_allocation;
  std::vector<LineConfig> lines;

  template <class V>
  void visit(V& v) {
    v.field("vehicle", vehicle,
            {.meaning = "the vehicles of the imported or generated lines", .choices = {"combi", "bus"}});
    v.object("combi", combi, {.meaning = "combi or microbus (M2): 12-20 seats; 0.10-0.15 L/km [EST] (FACTS.md §3)"});
    v.object("bus", bus, {.meaning = "7-12 m bus: >= 42 passengers in the SIT; 0.33-0.94 L/km (FACTS.md §3)"});
    v.object("electric_bus", electric_bus, {.meaning = "battery-electric bus: 1.2-2.0 kWh/km (FACTS.md §3)"});
    v.object("brt", brt, {.meaning = "articulated trunk-line bus [EST]"});
    v.field("crowded_load_factor", crowded_load_factor,
            {.unit = "1",
             .meaning = "load factor above which riders count as in a crowded vehicle",
             .min = 0,
             .max = 3,
             .source = "[EST]"});
    v.field("smoothing", smoothing,
            {.unit = "1",
             .meaning = "share of a day's crowding, extra waits and fleet need in what riders and the fleet "
                        "allocation expect of the next (method of successive averages, as "
                        "mobility.roads.smoothing); 1 (default): exactly the last day's, which can make ridership "
                        "swing from one day to the next when vehicles fill up",
             .min = 0.01,
             .max = 1,
             .source = "[EST] 0.5 as mobility.roads.smoothing in scenarios/trujillo-by-demand.yaml"});
    v.field("smoothing_schedule", smoothing_schedule,
            {.meaning = "constant (default): every day weighs `smoothing`; msa: the n-th day of a kind weighs "
                        "max(1/n, smoothing), the method of successive averages with steps 1/n (the mean of all "
                        "days so far) until they reach `smoothing`, their floor, so that riders settle",
             .choices = {"constant", "msa"}});
    v.field("remember_by_day_kind", remember_by_day_kind,
            {.meaning = "riders and the fleet allocation expect of a day what the last days of the same kind "
                        "(Monday to Friday, Saturday, Sunday) brought, so a Monday is not planned from a Sunday; "
                        "false (default): from the day before, whatever its kind"});
    v.field("queue_carryover", queue_carryover,
            {.meaning = "riders left behind by full vehicles queue at their line (a deterministic bottleneck queue, "
                        "Vickrey 1969) and wait until the queue ahead of them is carried, into the next hours if "
                        "need be (docs/mobility.md, \"Denied boardings\"); false (default): each denied boarding "
                        "waits one more headway and nothing is carried into the next hour"});
    v.field("queue_patience_min", queue_patience_min,
            {.unit = "min",
             .meaning = "mean time a rider waits in the queue of queue_carryover before giving up and taking a "
                        "taxi, mototaxi or colectivo (exponential patience, a fluid queue with abandonment; "
                        "transit_abandoned_boardings); 0 (default): nobody gives up",
             .min = 0,
             .max = 600,
             .source = "[EST] fitted in scenarios/calibration/*.yaml where the queue is on (docs/calibration.md)"});
    v.field("trunk_speed_kmh", trunk_speed_kmh,
            {.unit = "km/h",
             .meaning = "commercial speed of a trunk line on its own lane",
             .min = 5,
             .max = 80,
             .source = "[EST] Lima Metropolitano ~25 km/h [UNV]"});
    v.field("synthetic_headway_min", synthetic_headway_min,
            {.unit = "min",
             .meaning = "headway of the lines generated for a city without a feed",
             .min = 1,
             .max = 120,
             .source = "[EST]"});
    v.field("headway_factor", headway_factor,
            {.unit = "1",
             .meaning = "multiplies the headway of every imported (GTFS) or generated line, not of the lines drawn "
                        "below: under 1 the timetable runs more vehicles than the feed lists (compare "
                        "transit_vehicles_in_service with the registered fleet)",
             .min = 0.05,
             .max = 20,
             .source = "[EST] calibrated in scenarios/*-calibrated.yaml (docs/calibration.md)"});
    v.object("fleet_allocation", fleet_allocation,
             {.meaning = "how the vehicles are spread over lines and periods (docs/mobility.md)"});
    v.list("lines", lines,
           {.meaning = "lines drawn in the scenario, one direction each, added to the feed's or the generated ones"});
    v.field("synthetic_fare_soles", synthetic_fare_soles,
            {.unit = "soles", .meaning = "fare of generated lines", .min = 0, .max = 50, .source = "[EST]"});
  }
  void check(schema::Checks& checks) const;
};

// Volume-delay on the drive network (BPR): t = t0 (1 + alpha (v / c)^beta).
struct RoadsConfig {
  double bpr_alpha = 0.15;
  double bpr_beta = 4;
  double lane_capacity_veh_per_h = 900;
  double corridor_lanes_factor = 3;
  double bus_pcu = 2.5;
  double car_occupancy = 1.4;
  double taxi_occupancy = 1.3;
  double smoothing = 0.5;
  double car_fuel_l_per_km = 0.08;
  double taxi_fuel_l_per_km = 0.06;

  template <class V>
  void visit(V& v) {
    v.field("bpr_alpha", bpr_alpha,
            {.unit = "1", .meaning = "BPR alpha", .min = 0, .max = 10, .source = "US Bureau of Public Roads 1964"});
    v.field("bpr_beta", bpr_beta,
            {.unit = "1", .meaning = "BPR beta", .min = 0, .max = 10, .source = "US Bureau of Public Roads 1964"});
    v.field("lane_capacity_veh_per_h", lane_capacity_veh_per_h,
            {.unit = "PCU/h/lane",
             .meaning = "capacity of an urban lane with crossings",
             .min = 100,
             .max = 3000,
             .source = "[EST] HCM urban streets ~900"});
    v.field("corridor_lanes_factor", corridor_lanes_factor,
            {.unit = "1",
             .meaning = "flows between districts follow one shortest path; its capacity is "
                        "multiplied by this to stand for the parallel streets that share the load",
             .min = 1,
             .max = 50,
             .source = "[EST] calibrate against counts"});
    v.field("bus_pcu", bus_pcu,
            {.unit = "PCU/vehicle", .meaning = "road space of a bus or combi", .min = 0, .max = 10, .source = "[EST]"});
    v.field("car_occupancy", car_occupancy,
            {.unit = "persons/vehicle", .meaning = "people per car trip", .min = 1, .max = 8, .source = "[EST]"});
    v.field("taxi_occupancy", taxi_occupancy,
            {.unit = "persons/vehicle",
             .meaning = "passengers per taxi or mototaxi trip",
             .min = 1,
             .max = 8,
             .source = "[EST]"});
    v.field("smoothing", smoothing,
            {.unit = "1",
             .meaning = "share of today's road times in tomorrow's expectation (method of successive "
                        "averages), so that choices do not oscillate",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("car_fuel_l_per_km", car_fuel_l_per_km,
            {.unit = "L/km", .meaning = "gasoline burnt by a private car", .min = 0, .max = 1, .source = "[EST]"});
    v.field("taxi_fuel_l_per_km", taxi_fuel_l_per_km,
            {.unit = "L/km",
             .meaning = "gasoline burnt by a taxi or mototaxi (a mix of both)",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
  }
};

struct MobilityMeasureConfig {
  std::string kind;
  Date start_date{2025, 1, 1};
  double value = 0;
  std::vector<std::string> lines;
  std::vector<std::string> districts;
  std::string vehicle = "brt";

  template <class V>
  void visit(V& v) {
    v.field("kind", kind,
            {.meaning = "trunk_line (districts: the districts it runs through in order; value: headway min; "
                        "vehicle), headway (value: factor on headways; lines: short names, empty for all), "
                        "fleet_renewal (value: share of the fleet replaced by buses), electrification (value: share "
                        "of buses electric), fare (value: factor on fares), fare_integration (value 1: a transfer "
                        "costs no second fare), street_lighting, staff_on_board, women_only_vehicles (value: share "
                        "by which the night, transit or crowding insecurity falls), bike_lanes (value: share by "
                        "which cycling insecurity falls)",
             .choices = {mobility::kMeasureKinds.begin(), mobility::kMeasureKinds.end()},
             .required = true});
    v.field("start_date", start_date, {.unit = "date", .meaning = "first day the measure applies", .required = true});
    v.field("value", value, {.meaning = "the measure's number, in the unit its kind names", .min = 0});
    v.field("lines", lines, {.meaning = "route short names, for headway (empty: every line)"});
    v.field("districts", districts, {.meaning = "district names, for trunk_line"});
    v.field("vehicle", vehicle, {.meaning = "vehicle of a trunk line", .choices = {"brt", "bus", "electric_bus"}});
  }
  void check(schema::Checks& checks) const;
};

struct MobilityConfig {
  bool enabled = false;
  ActivitiesConfig activities;
  ModeChoiceConfig mode_choice;
  TransitServiceConfig transit;
  RoadsConfig roads;
  std::vector<MobilityMeasureConfig> measures;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled, {.meaning = "simulate daily travel"});
    v.object("activities", activities, {.meaning = "trips by purpose and time of day"});
    v.object("mode_choice", mode_choice, {.meaning = "multinomial logit mode choice"});
    v.object("transit", transit, {.meaning = "transit vehicles and loads (lines: city.transit)"});
    v.object("roads", roads, {.meaning = "congestion on the drive network"});
    v.list("measures", measures, {.meaning = "mobility measures with their start dates"});
  }
};

}  // namespace munisim
