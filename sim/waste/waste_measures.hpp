// The waste service's measures as typed values. Each alternative of WasteMeasure names its YAML
// kind; that one list gives the scenario schema its allowed kinds and drives the conversion from
// the schema struct, so a kind cannot be accepted without being applied, or the other way round.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/variant_kinds.hpp"

namespace munisim {

struct WasteMeasureConfig;

namespace waste {

struct FleetSize {
  static constexpr std::string_view kind = "fleet_size";
  int trucks = 0;
};
using ElectricShare = ShareOf<"electric_share">;  // of the fleet
using CngShare = ShareOf<"cng_share">;            // of the fleet
struct CollectionDaysPerWeek {
  static constexpr std::string_view kind = "collection_days_per_week";
  int days = 0;
  std::vector<std::string> districts;  // empty: every district
};
struct DisposalSite {
  static constexpr std::string_view kind = "disposal_site";
  std::string site;
};
using LandfillGasCapture = ShareOf<"landfill_gas_capture">;       // of the methane at the disposal site in use
using RecyclerFormalisation = ShareOf<"recycler_formalisation">;  // of the recyclers
struct SeparationProgramme {
  static constexpr std::string_view kind = "separation_programme";
  double campaign_logit = 0;           // boost to the intention to separate
  std::vector<std::string> districts;  // empty: every district
};
struct RouteOptimisation {
  static constexpr std::string_view kind = "route_optimisation";
  bool on = false;
};
struct CompostingPlant {
  static constexpr std::string_view kind = "composting_plant";
  std::string site;
};
struct TransferStation {
  static constexpr std::string_view kind = "transfer_station";
  std::string site;
};

using Measure =
    std::variant<FleetSize, ElectricShare, CngShare, CollectionDaysPerWeek, DisposalSite, LandfillGasCapture,
                 RecyclerFormalisation, SeparationProgramme, RouteOptimisation, CompostingPlant, TransferStation>;

struct DatedMeasure {
  Date start_date;
  Measure measure;
};

// The YAML kinds, in the order of the variant's alternatives.
inline constexpr auto kMeasureKinds = kVariantKinds<Measure>;

// From a measure the scenario loader has checked (its kind is one of kMeasureKinds).
[[nodiscard]] DatedMeasure measure_from_config(const WasteMeasureConfig& config);

}  // namespace waste
}  // namespace munisim
