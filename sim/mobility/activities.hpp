// A person's trips on one day: tours by purpose from employment, age and gender, with care trips
// chained into work tours, destinations by a gravity model and departure hours by purpose.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim {

struct Trip {
  Purpose purpose = kOther;
  std::uint32_t origin = 0;
  std::uint32_t destination = 0;
  int hour = 0;
};

// At most: a chained work tour (3 trips), study, care, shopping and other tours (2 each).
inline constexpr std::size_t kMaxTrips = 11;

struct DayTrips {
  std::array<Trip, kMaxTrips> trips{};
  std::size_t count = 0;
};

struct Traveller {
  std::uint32_t home = 0;  // district
  std::uint8_t gender = 0;
  std::uint8_t age_group = 0;
  bool employed = false;
};

class ActivityModel {
 public:
  // Destination weights: a district's population times exp(-decay x km) from each origin.
  ActivityModel(const ActivitiesConfig& config, const TravelSkims& skims, const std::vector<double>& population);

  // `weekday` 0 = Monday.
  [[nodiscard]] DayTrips plan(const Traveller& person, int weekday, RandomStream& stream) const;

 private:
  [[nodiscard]] std::uint32_t destination(Purpose purpose, std::uint32_t origin, double draw) const;
  [[nodiscard]] int hour(const ActivityTiming& timing, RandomStream& stream) const;
  void tour(DayTrips& day, Purpose purpose, std::uint32_t home, const ActivityTiming& timing,
            RandomStream& stream) const;

  const ActivitiesConfig& config_;
  std::size_t districts_;
  std::vector<double> cumulative_;  // [purpose][origin][destination], cumulative weights
};

}  // namespace munisim
