#include "sim/waste/waste_accounting.hpp"

#include <algorithm>
#include <array>

namespace munisim::waste {

WasteAccounting::WasteAccounting(const City& city, const WasteConfig& config, const ClimateConfig& climate,
                                 const std::vector<CollectionZone>& zones, Facilities& facilities, WasteSeries& series,
                                 AccountingChannels channels)
    : config_(config),
      climate_(climate),
      zones_(zones),
      facilities_(facilities),
      series_(series),
      channels_(std::move(channels)),
      composition_(district_compositions(city, config.generation)),
      site_decay_(facilities.sites.size()) {}

std::vector<double> WasteAccounting::disposed_shares(const std::vector<double>& collected_t) const {
  double total = 0;
  for (double tonnes : collected_t) total += tonnes;
  if (total <= 0) return config_.generation.composition;
  std::vector<double> shares = mixed_composition(composition_, collected_t);
  for (double& share : shares) share /= total;
  return shares;
}

void WasteAccounting::run(const StepContext& step) {
  const SetOutDay& set_out = *channels_.set_out;
  const CollectionDay& fleet_day = *channels_.collection;
  const StreetDay& street = *channels_.street;
  const std::size_t zones = zones_.size();
  for (std::size_t d = 0; d < zones; ++d) set_out_total_t_ += set_out.set_out_t[d];
  for (std::size_t d = 0; d < zones; ++d) collected_total_t_ += fleet_day.collected_t[d];

  const FleetConfig& fleet = config_.fleet;
  const CollectionConfig& collection = config_.collection;
  const double transfer_km = fleet_day.transfer_km;
  const double diesel_l = fleet_day.truck_km_by_fuel[static_cast<std::size_t>(Fuel::diesel)] * fleet.diesel_l_per_km +
                          transfer_km * collection.transfer_truck_diesel_l_per_km;
  const double cng_kg = fleet_day.truck_km_by_fuel[static_cast<std::size_t>(Fuel::cng)] * fleet.cng_kg_per_km;
  const double kwh = fleet_day.truck_km_by_fuel[static_cast<std::size_t>(Fuel::electric)] * fleet.electric_kwh_per_km;
  const double energy_soles = diesel_l * config_.diesel_price_soles_per_l + cng_kg * config_.cng_price_soles_per_kg +
                              kwh * config_.electricity_price_soles_per_kwh;
  const double hours = fleet_day.truck_minutes / 60;
  const Facility* site = facilities_.site;
  const Facility* transfer = facilities_.transfer;
  const double gate_fee = (site != nullptr ? site->gate_fee_soles_per_t : 0.0) +
                          (transfer != nullptr ? transfer->gate_fee_soles_per_t : 0.0);
  const std::vector<double> cost = {
      energy_soles,
      fleet_day.truck_km * fleet.cost_per_km_soles + transfer_km * collection.transfer_truck_cost_per_km_soles,
      hours * fleet.crew * fleet.crew_cost_per_h_soles, fleet_day.disposed_t * gate_fee};
  const std::size_t site_index = facilities_.site_index;
  const SeriesIds& ids = series_.ids();
  const double capacity = site != nullptr ? site->capacity_t_per_day : 0.0;
  if (capacity > 0) {
    series_.record_cell(ids.over_capacity, step.day, site_index, std::max(0.0, fleet_day.disposed_t - capacity));
  }
  series_.record_scalar(ids.transfer_km, step.day, transfer_km);
  const double energy_tco2e = fuel_tco2e(climate_, Fuel::diesel, diesel_l) + fuel_tco2e(climate_, Fuel::cng, cng_kg) +
                              fuel_tco2e(climate_, Fuel::electric, kwh);
  double composted_t = 0;
  for (double t : street.composted_t) composted_t += t;
  const std::vector<double> disposed_mix = disposed_shares(fleet_day.collected_t);
  const munisim::DisposalSite& site_in_use = facilities_.sites[site_index];
  const std::vector<double> emissions = {
      energy_tco2e, committed_methane_tco2e(climate_, fleet_day.disposed_t, disposed_mix, site_in_use),
      composted_t * climate_.compost_kgco2e_per_t / kKgPerTonne};
  site_decay_[site_index].deposit(climate_, fleet_day.disposed_t, disposed_mix, site_in_use);
  std::vector<double> decay(facilities_.sites.size());
  for (std::size_t s = 0; s < decay.size(); ++s) decay[s] = site_decay_[s].release_day(climate_, facilities_.sites[s]);

  series_.record(ids.collected, step.day, fleet_day.collected_t);
  series_.record(ids.route_plan, step.day, fleet_day.route_plan_km);
  std::vector<double> missed(fleet_day.missed_visit.begin(), fleet_day.missed_visit.end());
  series_.record(ids.missed, step.day, missed);
  series_.record(ids.cost, step.day, cost);
  series_.record(ids.emissions, step.day, emissions);
  double formal_t = 0;
  for (double t : street.recovered_formal_t) formal_t += t;
  series_.record_cell(ids.avoided, step.day, 1, formal_t * climate_.avoided_tco2e_per_t_recycled);
  // Composted organics would otherwise have gone to today's disposal site.
  static constexpr std::array<double, kWasteFractions> kOrganicOnly = {1, 0, 0, 0, 0, 0};
  series_.record_cell(ids.avoided, step.day, 2,
                      committed_methane_tco2e(climate_, composted_t, kOrganicOnly, site_in_use));
  series_.record(ids.methane_decay, step.day, decay);
  series_.record_cell(ids.disposed, step.day, site_index, fleet_day.disposed_t);
  series_.record_scalar(ids.coverage, step.day, set_out_total_t_ > 0 ? collected_total_t_ / set_out_total_t_ : 0.0);
  series_.record_scalar(ids.truck_km, step.day, fleet_day.truck_km);
  series_.record_scalar(ids.truck_hours, step.day, hours);
  series_.record_scalar(ids.truck_trips, step.day, fleet_day.trips);
  series_.record_scalar(ids.trucks_available, step.day, fleet_day.trucks_available);
  series_.record_scalar(ids.diesel, step.day, diesel_l);
  series_.record_scalar(ids.cng, step.day, cng_kg);
  series_.record_scalar(ids.electricity, step.day, kwh);
  publish(static_cast<std::size_t>(step.date.weekday()), cost, emissions[0] + emissions[1] + emissions[2],
          series_.day_sum(ids.avoided, step.day));
  channels_.city.value().separating_share = series_.day_sum(ids.separating_city, step.day);
}

void WasteAccounting::publish(std::size_t weekday, const std::vector<double>& cost, double emissions_tco2e,
                              double avoided_tco2e) {
  const SetOutDay& set_out = *channels_.set_out;
  const CollectionDay& fleet_day = *channels_.collection;
  const StreetDay& street = *channels_.street;
  DistrictDay& districts = channels_.districts.value();
  districts.generated_t = set_out.generated_t;
  districts.set_out_t = set_out.set_out_t;
  districts.collected_t = fleet_day.collected_t;
  districts.street_stock_t = street.street_t;
  districts.illegally_dumped_t = street.dumped_t;
  districts.missed_visit = fleet_day.missed_visit;
  districts.collection_day.assign(zones_.size(), 0);
  for (std::size_t d = 0; d < zones_.size(); ++d) districts.collection_day[d] = zones_[d].collection_weekday[weekday];
  CityDay& city = channels_.city.value();
  std::copy(cost.begin(), cost.end(), city.cost_soles.begin());
  city.emissions_tco2e = emissions_tco2e;
  city.avoided_tco2e = avoided_tco2e;
  city.trucks_in_fleet = fleet_day.trucks_in_fleet;
  city.trucks_available = fleet_day.trucks_available;
}

}  // namespace munisim::waste
