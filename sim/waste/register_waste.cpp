#include "sim/waste/register_waste.hpp"

#include <algorithm>
#include <memory>

#include "sim/waste/collection.hpp"
#include "sim/waste/household_generation.hpp"
#include "sim/waste/separation.hpp"
#include "sim/waste/street.hpp"
#include "sim/waste/waste_accounting.hpp"
#include "sim/waste/waste_measures.hpp"
#include "sim/waste/waste_series.hpp"
#include "sim/waste/zones.hpp"

namespace munisim {
namespace waste {
namespace {

// The service's systems and the state they share: the zones' schedule, the facilities in use and
// households' separation behaviour, which measures change and several systems read.
struct WasteSystems {
  WasteSystems(Registration& registration, const City& city, const WasteConfig& config, const ClimateConfig& climate)
      : city_(city),
        config_(config),
        adopted(registration.channels.read_optional<std::vector<Measure>>(kAdoptedMeasuresChannel, "waste.measures",
                                                                          Timing::previous_day)),
        zones(zones_from_districts(city, config.collection.days_per_week)),
        facilities(facilities_at_start(city, config.collection, climate)),
        series(registration.metrics, city),
        separation(config.separation, city.households.size(), city.districts.size(), registration.seed,
                   registration.parallel),
        generation(city, config.generation, config.separation.capture_rate, zones, separation, series,
                   registration.channels.publish<SetOutDay>(kSetOutChannel, "waste.generation")),
        collection(city, config, generation.expected_tonnes_by_district(), zones, facilities,
                   collection_channels(registration, config), registration.parallel),
        street(city, config, climate, generation.expected_tonnes_by_district(), registration.seed, separation, series,
               {registration.channels.read<SetOutDay>(kSetOutChannel, "waste.kerb", Timing::same_day),
                registration.channels.read<CollectionDay>(kCollectionChannel, "waste.street", Timing::same_day),
                registration.channels.publish<KerbDay>(kKerbChannel, "waste.kerb"),
                registration.channels.publish<StreetDay>(kStreetChannel, "waste.street")}),
        accounting(city, config, climate, zones, facilities, series,
                   {registration.channels.read<SetOutDay>(kSetOutChannel, "waste.accounting", Timing::same_day),
                    registration.channels.read<CollectionDay>(kCollectionChannel, "waste.accounting", Timing::same_day),
                    registration.channels.read<StreetDay>(kStreetChannel, "waste.accounting", Timing::same_day),
                    registration.channels.publish<DistrictDay>(kDistrictsChannel, "waste.accounting"),
                    registration.channels.publish<CityDay>(kCityChannel, "waste.accounting")}) {}

  static CollectionChannels collection_channels(Registration& registration, const WasteConfig& config) {
    Channels& channels = registration.channels;
    CollectionChannels result{
        channels.read<KerbDay>(kKerbChannel, "waste.collection", Timing::same_day),
        channels.read_optional<Directives>(kDirectivesChannel, "waste.collection", Timing::previous_day), std::nullopt,
        channels.publish<CollectionDay>(kCollectionChannel, "waste.collection"), registration.traces};
    if (config.collection.congestion_aware) {
      result.congestion =
          channels.read_optional<RoadCongestion>(kRoadCongestionChannel, "waste.collection", Timing::previous_day);
    }
    return result;
  }

  // Measures dated on `day` (those dated before the run start on its first day), in the order given,
  // then those adopted the day before.
  void apply_measures(const StepContext& step) {
    // Measures appended while the simulation runs are converted once, when first seen.
    for (std::size_t i = measures.size(); i < config_.measures.size(); ++i) {
      measures.push_back(measure_from_config(config_.measures[i]));
    }
    const long first_day = step.calendar.start().days_since_epoch();
    for (const DatedMeasure& dated : measures) {
      if (std::max(0L, dated.start_date.days_since_epoch() - first_day) == step.day) apply(dated.measure);
    }
    for (const Measure& measure : *adopted) apply(measure);
  }

  void apply(const Measure& measure) {
    std::visit(Overloaded{
                   [&](const FleetSize& m) { collection.resize_fleet(m.trucks); },
                   [&](const ElectricShare& m) { collection.set_fuel_shares(m.share, collection.cng_share()); },
                   [&](const CngShare& m) { collection.set_fuel_shares(collection.electric_share(), m.share); },
                   [&](const CollectionDaysPerWeek& m) {
                     for (std::size_t d = 0; d < zones.size(); ++d) {
                       if (listed(m.districts, d)) zones[d].collection_weekday = collection_weekdays(m.days);
                     }
                   },
                   [&](const DisposalSite& m) { use_disposal_site(facilities, city_, m.site); },
                   [&](const LandfillGasCapture& m) { facilities.sites[facilities.site_index].gas_capture = m.share; },
                   [&](const RecyclerFormalisation& m) { street.formalise_recyclers(m.share); },
                   [&](const SeparationProgramme& m) {
                     for (std::size_t d = 0; d < zones.size(); ++d) {
                       if (listed(m.districts, d)) separation.start_programme(d, m.campaign_logit);
                     }
                   },
                   [&](const RouteOptimisation& m) { collection.optimise_routes(m.on); },
                   [&](const CompostingPlant&) { generation.start_composting(); },
                   [&](const TransferStation& m) { use_transfer_station(facilities, city_, m.site); },
               },
               measure);
  }

  // Everything the service keeps between days, for checkpoints. The facilities in use are saved as
  // positions in the city's facilities, which a resumed run rebuilds identically.
  template <class Archive>
  void persist(Archive& archive) {
    archive(measures, zones, facilities.depot, facilities.disposal, facilities.site_index, facilities.sites);
    persist_facility(archive, facilities.site);
    persist_facility(archive, facilities.transfer);
    archive(separation, generation, collection, street, accounting);
  }

  template <class Archive>
  void persist_facility(Archive& archive, const Facility*& facility) {
    std::int64_t index = facility == nullptr ? -1 : facility - city_.facilities.data();
    archive(index);
    if constexpr (Archive::loading) {
      if (index < -1 || index >= static_cast<std::int64_t>(city_.facilities.size())) {
        archive.fail("facility " + std::to_string(index) + " is not one of the city's");
      }
      facility = index < 0 ? nullptr : &city_.facilities[static_cast<std::size_t>(index)];
    }
  }

  // Whether a measure's district list names `district` (an empty list applies everywhere).
  [[nodiscard]] bool listed(const std::vector<std::string>& districts, std::size_t district) const {
    return districts.empty() ||
           std::find(districts.begin(), districts.end(), city_.districts[district].name) != districts.end();
  }

  const City& city_;
  const WasteConfig& config_;
  ChannelReader<std::vector<Measure>> adopted;
  std::vector<DatedMeasure> measures;
  std::vector<CollectionZone> zones;
  Facilities facilities;
  WasteSeries series;
  SeparationBehaviour separation;
  HouseholdGeneration generation;
  Collection collection;
  Street street;
  WasteAccounting accounting;
};

}  // namespace
}  // namespace waste

void register_waste(Registration& registration, const City& city, const WasteConfig& waste_config,
                    const ClimateConfig& climate) {
  auto systems = std::make_shared<waste::WasteSystems>(registration, city, waste_config, climate);
  Scheduler& scheduler = registration.scheduler;
  scheduler.add("waste.measures", Cycle::daily(),
                [systems](const StepContext& step) { systems->apply_measures(step); });
  scheduler.add("waste.generation", Cycle::daily(),
                [systems](const StepContext& step) { systems->generation.run(step); });
  scheduler.add("waste.kerb", Cycle::daily(), [systems](const StepContext& step) { systems->street.set_out(step); });
  scheduler.add("waste.collection", Cycle::daily(),
                [systems](const StepContext& step) { systems->collection.run(step); });
  scheduler.add("waste.street", Cycle::daily(),
                [systems](const StepContext& step) { systems->street.after_collection(step); });
  scheduler.add("waste.accounting", Cycle::daily(),
                [systems](const StepContext& step) { systems->accounting.run(step); });
  scheduler.add_state("waste",
                      {"waste.measures", "waste.generation", "waste.kerb", "waste.collection", "waste.street",
                       "waste.accounting"},
                      state_hook(systems));
}

}  // namespace munisim
