// The books of the waste service: energy, cost, emissions, disposal and the methane its sites
// release, the city-wide series, and what the service publishes for other domains
// ("waste.districts", "waste.city"). Runs last among the waste systems.
#pragma once

#include <vector>

#include "sim/city/city.hpp"
#include "sim/climate/climate_config.hpp"
#include "sim/climate/emissions.hpp"
#include "sim/core/channels.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/waste/collection.hpp"
#include "sim/waste/composition.hpp"
#include "sim/waste/household_generation.hpp"
#include "sim/waste/street.hpp"
#include "sim/waste/waste_channels.hpp"
#include "sim/waste/waste_facilities.hpp"
#include "sim/waste/waste_series.hpp"

namespace munisim::waste {

struct AccountingChannels {
  ChannelReader<SetOutDay> set_out;
  ChannelReader<CollectionDay> collection;
  ChannelReader<StreetDay> street;
  ChannelWriter<DistrictDay> districts;
  ChannelWriter<CityDay> city;
};

class WasteAccounting {
 public:
  WasteAccounting(const City& city, const WasteConfig& config, const ClimateConfig& climate,
                  const std::vector<CollectionZone>& zones, Facilities& facilities, WasteSeries& series,
                  AccountingChannels channels);

  void run(const StepContext& step);

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(site_decay_, set_out_total_t_, collected_total_t_);
  }

 private:
  // Fraction shares of waste collected today across districts (the city's composition on a day without).
  [[nodiscard]] std::vector<double> disposed_shares(const std::vector<double>& collected_t) const;
  void publish(std::size_t weekday, const std::vector<double>& cost, double emissions_tco2e, double avoided_tco2e);

  const WasteConfig& config_;
  const ClimateConfig& climate_;
  const std::vector<CollectionZone>& zones_;
  Facilities& facilities_;
  WasteSeries& series_;
  AccountingChannels channels_;
  Compositions composition_;
  std::vector<FirstOrderDecay> site_decay_;  // by site label
  double set_out_total_t_ = 0;
  double collected_total_t_ = 0;
};

}  // namespace munisim::waste
