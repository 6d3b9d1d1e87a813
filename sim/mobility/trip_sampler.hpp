// Every citizen's trips on one day, sampled from the activity and mode tables: one random word
// picks the day's tours, and one word each a tour's destination, its departure hour and each trip's
// mode. Trips are summed per segment and mode, so times, distances, fares and loads follow from
// the sums. Words come from one Philox stream per fixed block of citizens, and trips are tallied
// as integers (weights in units of 2^-32 persons), whose sums do not depend on the order they are
// added in: the counts are bit-identical for any thread count, with one tally per running thread.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/parallel.hpp"
#include "sim/mobility/activities.hpp"
#include "sim/mobility/mode_table.hpp"

namespace munisim {

// Weighted trips (persons) of one day.
struct TripCounts {
  std::vector<double> by_segment_mode_gender;  // [((pair * 24 + hour) * kModes + mode) * kGenders + gender]
  std::array<double, kModes * kGenders * kPurposes> by_mode_gender_purpose{};
  std::array<double, kGenders> persons{}, travelling{};  // residents, and those making at least one trip
};

class TripSampler {
 public:
  // `has_car` is per household. Only the citizens' homes, traits and weights are kept.
  TripSampler(const City& city, const std::vector<std::uint8_t>& has_car);
  ~TripSampler();

  [[nodiscard]] TripCounts day(Parallelism& parallel, std::uint64_t seed, int day, std::size_t weekday,
                               const ActivityModel& activities, const ModeTable& modes);

  // Citizens alike in everything the sampling reads: home district, traits (traveller type, income
  // group and car, as one code) and weight (in units of 2^-32 persons). Nothing is recorded per
  // citizen, so alike citizens are sampled together, each with draws of its own.
  struct Group {
    std::uint64_t weight;
    std::uint32_t home;
    std::uint32_t citizens;
    std::uint8_t traits;
  };
  struct Tally;  // one running thread's sums

 private:
  std::size_t districts_;
  std::vector<Group> groups_;         // by home, weight, gender, mode chooser and traits
  std::vector<std::size_t> starts_;   // the first citizen of each group in that order, then the total
  // Tallies in use by no chunk, all zero between days; as many as chunks ever ran at once.
  std::mutex idle_mutex_;
  std::vector<std::unique_ptr<Tally>> idle_tallies_;
};

}  // namespace munisim
