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
using FleetRenewal = ShareOf<"fleet_renewal">;       // of the combis replaced by buses
using Electrification = ShareOf<"electrification">;  // of the buses made electric
struct Fare {
  static constexpr std::string_view kind = "fare";
  double factor = 1;
};
using FareIntegration = ShareOf<"fare_integration">;  // of the second fare waived
// Safety measures: the share by which the insecurity they address falls.
using StreetLighting = ShareOf<"street_lighting">;
using StaffOnBoard = ShareOf<"staff_on_board">;
using WomenOnlyVehicles = ShareOf<"women_only_vehicles">;
using BikeLanes = ShareOf<"bike_lanes">;

using Measure = std::variant<TrunkLine, Headway, FleetRenewal, Electrification, Fare, FareIntegration, StreetLighting,
                             StaffOnBoard, WomenOnlyVehicles, BikeLanes>;

// The YAML kinds, in the order of the variant's alternatives.
inline constexpr auto kMeasureKinds = kVariantKinds<Measure>;

// From a measure the scenario loader has checked (its kind is one of kMeasureKinds).
[[nodiscard]] Measure measure_from_config(const MobilityMeasureConfig& config);

}  // namespace mobility
}  // namespace munisim
