#include "sim/mobility/mode_choice.hpp"

#include <cmath>
#include <limits>

namespace munisim {

ModeChoice::ModeChoice(const ModeChoiceConfig& config, double crowded_load_factor)
    : config_(config), crowded_load_factor_(crowded_load_factor) {}

double ModeChoice::time_min(Mode mode, const TripConditions& trip) const {
  switch (mode) {
    case kWalk:
      return trip.distance_km / config_.walk_speed_kmh * 60.0;
    case kBicycle:
      return trip.distance_km / config_.bicycle_speed_kmh * 60.0;
    case kTransit:
      return trip.transit_walk_km / config_.walk_speed_kmh * 60.0 + trip.transit_wait_min + trip.transit_ride_min;
    case kTaxi:
      return config_.taxi_wait_min + trip.car_time_min;
    case kCar:
      break;
  }
  return trip.car_time_min;
}

double ModeChoice::excess_load(const TripConditions& trip) const {
  return std::max(0.0, trip.transit_load_factor - crowded_load_factor_) / std::max(1e-9, 1.0 - crowded_load_factor_);
}

double ModeChoice::crowded_insecurity(const TripConditions& trip, std::size_t gender,
                                      const SafetyMeasures& safety) const {
  const bool crowded = trip.transit_load_factor > crowded_load_factor_;
  return crowded ? config_.crowded_safety_by_gender[gender] * (1 - safety.women_only) : 0.0;
}

double ModeChoice::crowding_loss(const TripConditions& trip, std::size_t gender, const SafetyMeasures& safety) const {
  if (!trip.transit) return 0;
  const ModeChoiceConfig& c = config_;
  return -(c.wait_per_min * trip.transit_extra_wait_min + c.crowding_per_min * excess_load(trip) * trip.transit_ride_min +
           crowded_insecurity(trip, gender, safety));
}

std::array<double, kModes> ModeChoice::utilities(const TripConditions& trip, const Chooser& who,
                                                 const SafetyMeasures& safety) const {
  constexpr double kUnavailable = -std::numeric_limits<double>::infinity();
  const ModeChoiceConfig& c = config_;
  const std::size_t g = who.gender;
  const double cost = c.cost_per_sol * c.cost_factor_by_income[who.income_group];
  const double night = trip.night ? c.night_safety_by_gender[g] * (1 - safety.lighting) : 0.0;
  std::array<double, kModes> utility{};

  utility[kWalk] = c.constants[kWalk] + c.walk_per_min * time_min(kWalk, trip) + night +
                   c.long_walk_safety_by_gender[g] * trip.distance_km;
  utility[kBicycle] = who.can_cycle ? c.constants[kBicycle] + c.bicycle_per_min * time_min(kBicycle, trip) +
                                          c.bicycle_safety_by_gender[g] * (1 - safety.bike_lanes)
                                    : kUnavailable;
  if (trip.transit) {
    utility[kTransit] =
        c.constants[kTransit] + c.in_vehicle_per_min * trip.transit_ride_min +
        c.walk_per_min * trip.transit_walk_km / c.walk_speed_kmh * 60.0 + c.wait_per_min * trip.transit_wait_min +
        cost * trip.transit_fare_soles + c.crowding_per_min * excess_load(trip) * trip.transit_ride_min +
        (trip.transit_transfer ? c.transfer : 0.0) + c.transit_safety_by_gender[g] * (1 - safety.staff_on_board) +
        crowded_insecurity(trip, g, safety) + night + c.long_walk_safety_by_gender[g] * trip.transit_walk_km;
  } else {
    utility[kTransit] = kUnavailable;
  }
  utility[kTaxi] = c.constants[kTaxi] + c.in_vehicle_per_min * trip.car_time_min + c.wait_per_min * c.taxi_wait_min +
                   cost * (c.taxi_flag_soles + c.taxi_soles_per_km * trip.distance_km);
  utility[kCar] = who.has_car ? c.constants[kCar] + c.in_vehicle_per_min * trip.car_time_min +
                                    cost * (c.car_soles_per_km * trip.distance_km + c.car_parking_soles)
                              : kUnavailable;
  return utility;
}

}  // namespace munisim
