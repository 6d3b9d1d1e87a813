// Transit lines as travellers between districts use them: each line is the sequence of districts
// its stops pass through with the distance along the line at each, so a trip from district o to d
// can ride any line that reaches d after o. Lines come from the city (GTFS) or, for a city without
// a feed, are generated: one radial line per district to the most populous one, both directions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/mobility/mobility_config.hpp"
#include "sim/mobility/travel_skims.hpp"

namespace munisim {

inline constexpr std::size_t kVehicleTypes = 4;
enum VehicleType : std::size_t { kCombi, kBus, kElectricBus, kBrt };
inline constexpr std::array<const char*, kVehicleTypes> kVehicleNames = {"combi", "bus", "electric_bus", "brt"};

// The type a scenario names ("combi", "bus", "electric_bus", "brt"; the loader checks the choice).
[[nodiscard]] VehicleType vehicle_type(std::string_view name);

struct RouteLine {
  std::string name;
  std::vector<std::uint32_t> districts{};  // visited in order; a district appears once per visit
  std::vector<double> km{};                // distance along the line where each visit starts
  double length_km = 0;
  std::array<double, kTransitPeriods> headway_min{};  // 0: no service in the period
  double fare_soles = 0;
  double own_speed_kmh = 0;  // a trunk line's speed on its own lane; 0: the city's commercial speeds
  VehicleType vehicle = kCombi;
  std::vector<NodeId> stop_nodes{};
  std::vector<EdgeId> edges{};  // streets driven, in order; empty for a city's (GTFS) line: it has stops only
  bool active = true;  // a planned trunk line waits for its start date
  std::array<bool, 7> weekdays{true, true, true, true, true, true, true};  // Monday..Sunday it runs

  // The headway on a day of the week (0 Monday) in a period; 0 when the line does not run then.
  [[nodiscard]] double headway_on(std::size_t weekday, std::size_t period) const {
    return active && weekdays[weekday] ? headway_min[period] : 0.0;
  }
};

// The lines a trip may ride for one leg, with the distance it rides on each.
struct LegOptions {
  std::vector<std::uint32_t> lines;
  std::vector<double> ride_km;
  std::vector<std::uint32_t> board_visit;   // index into the line's districts where the rider boards
  std::vector<std::uint32_t> alight_visit;  // ... and alights (the same within one district)
};

struct OdTransit {
  LegOptions first;
  LegOptions second;  // empty when the first leg reaches the destination
  bool available() const { return !first.lines.empty(); }
  bool transfers() const { return !second.lines.empty(); }
};

class TransitRoutes {
 public:
  TransitRoutes(const City& city, const TransitServiceConfig& service, const TravelSkims& skims);

  [[nodiscard]] const std::vector<RouteLine>& lines() const noexcept { return lines_; }
  [[nodiscard]] std::vector<RouteLine>& lines() noexcept { return lines_; }
  [[nodiscard]] const OdTransit& options(std::size_t pair) const { return options_[pair]; }
  [[nodiscard]] bool generated() const noexcept { return generated_; }

  // A line through the named district sequence along the fastest paths between their centres.
  void add_line(RouteLine line, const std::vector<std::uint32_t>& through, const TravelSkims& skims, const City& city);
  // Recomputes every pair's options; call after lines change.
  void plan(const TravelSkims& skims);

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(lines_, options_, generated_);
  }

 private:
  [[nodiscard]] LegOptions direct(std::uint32_t origin, std::uint32_t destination, const TravelSkims& skims) const;

  std::vector<RouteLine> lines_;
  std::vector<OdTransit> options_;
  bool generated_ = false;
};

}  // namespace munisim
