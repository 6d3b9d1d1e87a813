// Households generate waste every day and keep it at home until their district's collection day,
// when they set it out at the kerb, separating recyclables (and organics where a composting
// programme runs) if they have decided to. Writes "waste.set_out".
#pragma once

#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/waste/composition.hpp"
#include "sim/waste/separation.hpp"
#include "sim/waste/waste_series.hpp"
#include "sim/waste/zones.hpp"

namespace munisim::waste {

inline constexpr const char* kSetOutChannel = "waste.set_out";

// Per district, that day.
struct SetOutDay {
  std::vector<double> generated_t;
  std::vector<double> set_out_t;    // everything put out, separated bags included
  std::vector<double> separated_t;  // recyclables in separate bags
  std::vector<double> organics_t;   // organics in separate bags
};

class HouseholdGeneration {
 public:
  HouseholdGeneration(const City& city, const WasteGenerationConfig& config, double capture_rate,
                      const std::vector<CollectionZone>& zones, SeparationBehaviour& separation, WasteSeries& series,
                      ChannelWriter<SetOutDay> set_out);

  void run(const StepContext& step);
  void start_composting() { composting_ = true; }
  // Expected tonnes per day per district before weekday and noise, to plan routes and recyclers.
  [[nodiscard]] std::vector<double> expected_tonnes_by_district() const;

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(recyclable_share_, base_kg_, household_stock_kg_, composting_);
  }

 private:
  void plan_base_generation();

  const City& city_;
  const WasteGenerationConfig& config_;
  double capture_rate_;
  const std::vector<CollectionZone>& zones_;
  SeparationBehaviour& separation_;
  WasteSeries& series_;
  ChannelWriter<SetOutDay> set_out_;
  Compositions composition_;
  std::vector<double> recyclable_share_;  // per district: paper, plastic, glass and metal
  std::vector<double> households_;        // per district, weighted; the table does not change
  std::vector<double> base_kg_;           // per household: expected kg/day before weekday and noise
  std::vector<double> household_stock_kg_;
  bool composting_ = false;
};

}  // namespace munisim::waste
