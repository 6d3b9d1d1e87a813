// Waste at the kerb and in the street. Before the trucks ("waste.kerb"): what households set out
// joins the street stock and recyclers go over it. After the trucks ("waste.street"): what was
// collected leaves, separated bags go to selective collection when the round came, and what stays
// ages day by day until part of the oldest is dumped illegally.
#pragma once

#include <memory>
#include <vector>

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/waste/collection.hpp"
#include "sim/waste/household_generation.hpp"
#include "sim/waste/recyclers.hpp"
#include "sim/waste/separation.hpp"
#include "sim/waste/waste_series.hpp"

namespace munisim::waste {

inline constexpr const char* kKerbChannel = "waste.kerb";
inline constexpr const char* kStreetChannel = "waste.street";

// Per district, after recyclers and before the trucks.
struct KerbDay {
  std::vector<double> street_t;  // everything waiting at the kerb, of any age
};

// Per district, at the end of the day.
struct StreetDay {
  std::vector<double> dumped_t;
  std::vector<double> street_t;
  std::vector<double> recovered_formal_t;  // separated recyclables taken by selective collection
  std::vector<double> composted_t;         // separated organics taken to the composting plant
};

struct StreetChannels {
  ChannelReader<SetOutDay> set_out;
  ChannelReader<CollectionDay> collection;
  ChannelWriter<KerbDay> kerb;
  ChannelWriter<StreetDay> street;
};

class Street {
 public:
  Street(const City& city, const WasteConfig& config, const ClimateConfig& climate,
         const std::vector<double>& expected_t_by_district, std::uint64_t seed, SeparationBehaviour& separation,
         WasteSeries& series, StreetChannels channels);

  void set_out(const StepContext& step);           // "waste.kerb"
  void after_collection(const StepContext& step);  // "waste.street"
  void formalise_recyclers(double share) { recyclers_->formalise(share); }

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(*recyclers_, recyclable_share_, street_buckets_t_, separated_kerb_t_);
  }

 private:
  void gather_recyclables(int day);

  const WasteConfig& config_;
  const ClimateConfig& climate_;
  SeparationBehaviour& separation_;
  WasteSeries& series_;
  StreetChannels channels_;
  std::unique_ptr<Recyclers> recyclers_;
  std::vector<double> recyclable_share_;               // per district: paper, plastic, glass and metal
  std::vector<std::vector<double>> street_buckets_t_;  // per district, by age in days; the last bucket holds older
  std::vector<double> separated_kerb_t_;               // per district, separated bags at the kerb for recyclers
};

}  // namespace munisim::waste
