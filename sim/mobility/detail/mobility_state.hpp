// Internal to sim/mobility: the state of the mobility service, whose systems are split over
// mobility_service.cpp (the day's travel), mobility_lines.cpp (lines and measures) and
// mobility_series.cpp (what it records).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/core/traces.hpp"
#include "sim/mobility/activities.hpp"
#include "sim/mobility/day_kind_memory.hpp"
#include "sim/mobility/mobility_channels.hpp"
#include "sim/mobility/mobility_measures.hpp"
#include "sim/mobility/mode_choice.hpp"
#include "sim/mobility/mode_table.hpp"
#include "sim/mobility/road_load.hpp"
#include "sim/mobility/transit_experience.hpp"
#include "sim/mobility/transit_load.hpp"
#include "sim/mobility/transit_routes.hpp"
#include "sim/mobility/travel_skims.hpp"
#include "sim/mobility/trip_sampler.hpp"

namespace munisim::mobility_detail {

inline constexpr std::uint32_t kCarPurpose = stream_purpose("mobility.car");

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

// What the service publishes at the end of each day's travel.
struct Published {
  ChannelWriter<MobilityDay> day;
  ChannelWriter<RoadCongestion> roads;
  ChannelReader<std::vector<mobility::Measure>> adopted;
  TraceRecorder* traces = nullptr;  // records the lines' scheduled runs on the scenario's trace days
};

struct Ids {
  SeriesId trips, by_district, by_hour, share, time, wait, person_km, travelling, per_person, boardings, peak_load,
      load_factor, denied, extra_wait, crowded, transit_km, operator_cost, revenue, vehicle_km, emissions, energy, speed,
      vehicles_in_service;
  // Only with a queue patience: a series of lines x hours holds 7 MB a year at Trujillo 1:1.
  std::optional<SeriesId> abandoned;
};

class MobilityService {
 public:
  MobilityService(const City& city, const MobilityConfig& config, const TransitConfig& transit,
                  const ClimateConfig& climate, MetricsRegistry& metrics, Parallelism& parallel, std::uint64_t seed,
                  Published published)
      : city_(city),
        config_(config),
        transit_(transit),
        climate_(climate),
        metrics_(metrics),
        skims_(city, parallel),
        routes_(city, config.transit, skims_),
        activities_(config.activities, skims_, populations(city)),
        choice_(config.mode_choice, config.transit.crowded_load_factor),
        roads_(city, skims_, config.roads),
        sampler_(city, car_households(city, config.mode_choice, seed)),
        layout_(city.districts.size()),
        published_(published),
        car_time_(roads_.free_flow()) {
    plan_scenario_lines();
    plan_trunk_lines();
    for (const RouteLine& line : routes_.lines()) {
      std::array<double, kVehicleTypes> mix{};
      mix[line.vehicle] = 1;
      mix_.push_back(mix);
    }
    measure_headway_factor_.assign(routes_.lines().size(), 1.0);
    const std::size_t line_hours = routes_.lines().size() * kHours;
    const bool by_kind = config.transit.remember_by_day_kind;
    const bool msa = config.transit.smoothing_schedule == "msa";
    expected_load_factor_ = DayKindMemory(line_hours, by_kind, msa);
    expected_extra_wait_ = DayKindMemory(line_hours, by_kind, msa);
    fleet_need_ = DayKindMemory(routes_.lines().size() * kTransitPeriods, by_kind, msa);
    refresh_access(parallel);
    register_series();
  }

  void apply_measures(const StepContext& step);
  void travel(const StepContext& step);

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp). Rebuilt instead: skims,
  // activities, the sampler and the choice model and the measures (from the city and the config
  // alone), the mode table (built each day before it is read) and the road loads (reset each hour).
  template <class Archive>
  void persist(Archive& archive) {
    archive(routes_, car_time_, expected_load_factor_, expected_extra_wait_, fleet_need_, measure_headway_factor_, mix_,
            access_km_, applied_, safety_, fare_factor_, integration_);
  }

 private:
  static std::vector<double> populations(const City& city) {
    std::vector<double> population;
    for (const District& district : city.districts) population.push_back(static_cast<double>(district.population));
    return population;
  }
  static std::vector<std::uint8_t> car_households(const City& city, const ModeChoiceConfig& choice,
                                                  std::uint64_t seed) {
    const auto income = city.households.column<std::uint8_t>("income_group");
    std::vector<std::uint8_t> has_car(city.households.size());
    for (std::size_t h = 0; h < has_car.size(); ++h) {
      RandomStream stream(seed, h, 0, kCarPurpose);
      has_car[h] = stream.bernoulli(choice.car_ownership_by_income[income[h]]) ? 1 : 0;
    }
    return has_car;
  }
  void plan_scenario_lines();
  void plan_trunk_lines();
  void refresh_access(Parallelism& parallel);
  void register_series();
  [[nodiscard]] std::vector<TripConditions> conditions(Parallelism& parallel, std::size_t weekday) const;
  [[nodiscard]] std::vector<double> totals(const TripCounts& counts, const std::vector<TripConditions>& segments) const;
  [[nodiscard]] std::vector<double> road_pcu(const std::vector<double>& totals, std::size_t weekday) const;
  [[nodiscard]] double places(std::size_t line) const;
  [[nodiscard]] std::array<double, kVehicleTypes> capacities() const;
  // A line's speed between two districts (`pair`) at an hour: its own lane's, or the city's
  // commercial speed slowed as cars are by the expected driving time.
  [[nodiscard]] double line_speed_kmh(const RouteLine& line, std::size_t pair, std::size_t hour) const;
  // A line's end-to-end time in a period at its own lane's speed or the city's commercial speed,
  // without congestion.
  [[nodiscard]] double free_run_time_min(const RouteLine& line, std::size_t period) const;
  // The streets a line drives: its own, or for a city's line the fastest paths between its stops.
  const std::vector<EdgeId>& line_edges(std::size_t line);
  // On a trace day, every scheduled run of every line (sim/mobility/transit_runs.hpp).
  void record_runs(int day, std::size_t weekday, const LineHourLoads& loads);
  void record(SeriesId id, int day, const std::vector<double>& values) const {
    metrics_.series(id).set_day(day, values);
  }
  void record_loads(int day, const LineHourLoads& loads, const std::vector<double>& totals);
  void record_vehicles(int day, std::size_t weekday, const std::vector<double>& totals);
  // Copies the day's recorded values, what riders lived by district and gender, and today's road
  // times over free flow, to the channels.
  void publish(int day, const RoadTimes& today, TransitExperience lived);
  void shift_fleet(std::size_t from, std::size_t to, double share);
  // by_demand: sets tomorrow's headways from today's loads (sim/mobility/fleet_allocation.hpp).
  void allocate_fleet_by_demand(const LineHourLoads& loads, const std::vector<double>& line_places,
                                std::size_t weekday);
  // Applies one measure; returns whether the lines changed (a trunk line opened: `trunk` is its line).
  bool apply(const mobility::Measure& measure, std::size_t trunk);

  const City& city_;
  const MobilityConfig& config_;
  const TransitConfig& transit_;
  const ClimateConfig& climate_;
  MetricsRegistry& metrics_;
  TravelSkims skims_;
  TransitRoutes routes_;
  ActivityModel activities_;
  ModeChoice choice_;
  ModeTable modes_;
  RoadLoad roads_;
  TripSampler sampler_;
  Layout layout_;
  Published published_;
  Ids ids_{};
  std::vector<double> car_time_;  // expected driving time [pair * 24 + hour], smoothed over days
  // What riders expect of a line-hour's crowding and extra wait [line * 24 + hour], and the fleet
  // allocation of a line-period's need [line * periods + period], by kind of day.
  DayKindMemory expected_load_factor_, expected_extra_wait_, fleet_need_;
  std::vector<double> measure_headway_factor_;  // per line: product of the headway measures applied to it
  std::vector<std::array<double, kVehicleTypes>> mix_;  // per line: share of its vehicles by type
  std::vector<double> access_km_;
  std::vector<std::vector<EdgeId>> line_edges_;  // per line, found on the first trace day
  std::vector<mobility::Measure> measures_;  // as in config_.measures, converted once
  std::vector<std::size_t> trunk_line_;      // per measure: its line, or -1
  std::vector<bool> applied_;
  SafetyMeasures safety_;
  double fare_factor_ = 1;
  double integration_ = 0;
};

}  // namespace munisim::mobility_detail
