// Mode choice: a multinomial logit over walk, bicycle, bus/combi, taxi/mototaxi and car, with
// in-vehicle, walking and waiting time, cost by income, crowding and perceived insecurity whose
// weights differ by gender (at night, in crowded vehicles, on long walks to stops). See
// docs/mobility.md for the utility functions.
#pragma once

#include <array>
#include <cstdint>

#include "sim/mobility/mobility_config.hpp"

namespace munisim {

// What a trip between two districts at one hour offers, the same for everyone making it.
struct TripConditions {
  double distance_km = 0;
  double car_time_min = 0;
  bool transit = false;  // a line serves the trip at this hour
  double transit_ride_min = 0;
  double transit_wait_min = 0;  // half the combined headway plus the expected extra wait of denied boardings
  double transit_extra_wait_min = 0;  // that expected extra wait alone
  double transit_walk_km = 0;   // to the stop at the origin and from the stop at the destination
  double transit_fare_soles = 0;
  double transit_load_factor = 0;  // expected, from the same hour of the day before
  bool transit_transfer = false;
  bool night = false;
};

struct Chooser {
  std::uint8_t gender = 0;
  std::uint8_t income_group = 1;
  bool can_cycle = true;
  bool has_car = false;
};

// Reductions of insecurity and of cycling risk that measures bring, as shares in [0, 1].
struct SafetyMeasures {
  double lighting = 0;
  double staff_on_board = 0;
  double women_only = 0;
  double bike_lanes = 0;
};

class ModeChoice {
 public:
  ModeChoice(const ModeChoiceConfig& config, double crowded_load_factor);

  // Utilities of the available modes; unavailable ones are -infinity.
  [[nodiscard]] std::array<double, kModes> utilities(const TripConditions& trip, const Chooser& who,
                                                     const SafetyMeasures& safety) const;
  // Door to door.
  [[nodiscard]] double time_min(Mode mode, const TripConditions& trip) const;
  // Utility the transit ride loses to what riders expect of denied boardings and crowding, for a
  // chooser of `gender` (>= 0): its extra-wait, crowding and crowded-insecurity terms.
  [[nodiscard]] double crowding_loss(const TripConditions& trip, std::size_t gender,
                                     const SafetyMeasures& safety) const;

 private:
  // Load above the crowded load factor, as a share of the range between it and a full vehicle.
  [[nodiscard]] double excess_load(const TripConditions& trip) const;
  [[nodiscard]] double crowded_insecurity(const TripConditions& trip, std::size_t gender,
                                          const SafetyMeasures& safety) const;

  const ModeChoiceConfig& config_;
  double crowded_load_factor_;
};

}  // namespace munisim
