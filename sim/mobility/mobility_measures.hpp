// The mobility service's measures as typed values. Each alternative of mobility::Measure names its
// YAML kind; that one list gives the scenario schema its allowed kinds and drives the conversion.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/variant_kinds.hpp"

namespace munisim {

struct MobilityMeasureConfig;

namespace mobility {

struct TrunkLine {
  static constexpr std::string_view kind = "trunk_line";
  std::vector<std::string> districts;  // in the order it runs through them
  double headway_min = 0;
  std::string vehicle;
};
struct Headway {
  static constexpr std::string_view kind = "headway";
  double factor = 1;
  std::vector<std::string> lines;  // short names; empty: every line
};
struct FleetRenewal {
  static constexpr std::string_view kind = "fleet_renewal";
  double share = 0;  // of the combis replaced by buses
};
struct Electrification {
  static constexpr std::string_view kind = "electrification";
  double share = 0;  // of the buses made electric
};
struct Fare {
  static constexpr std::string_view kind = "fare";
  double factor = 1;
};
struct FareIntegration {
  static constexpr std::string_view kind = "fare_integration";
  double share = 0;  // of the second fare waived
};
// Safety measures: the share by which the insecurity they address falls.
struct StreetLighting {
  static constexpr std::string_view kind = "street_lighting";
  double share = 0;
};
struct StaffOnBoard {
  static constexpr std::string_view kind = "staff_on_board";
  double share = 0;
};
struct WomenOnlyVehicles {
  static constexpr std::string_view kind = "women_only_vehicles";
  double share = 0;
};
struct BikeLanes {
  static constexpr std::string_view kind = "bike_lanes";
  double share = 0;
};

using Measure = std::variant<TrunkLine, Headway, FleetRenewal, Electrification, Fare, FareIntegration, StreetLighting,
                             StaffOnBoard, WomenOnlyVehicles, BikeLanes>;

// The YAML kinds, in the order of the variant's alternatives.
inline constexpr auto kMeasureKinds = kVariantKinds<Measure>;

// From a measure the scenario loader has checked (its kind is one of kMeasureKinds).
[[nodiscard]] Measure measure_from_config(const MobilityMeasureConfig& config);

}  // namespace mobility
}  // namespace munisim
