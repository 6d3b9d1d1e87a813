// What a scenario says about the solid-waste service: how much households generate, how the
// collection works and the fleet that does it. Defaults cite FACTS.md; [EST] marks estimates to
// calibrate with local data.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sim/city/city_config.hpp"
#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"
#include "sim/waste/waste_measures.hpp"

namespace munisim {

struct WasteGenerationConfig {
  double kg_per_capita_day = 0.757;
  std::vector<double> income_factor = {0.85, 1.0, 1.25};
  std::vector<double> weekday_factor = {1.1, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95};
  double variation_sigma = 0.3;
  std::vector<double> composition = {0.706, 0.105, 0.089, 0.03, 0.01, 0.06};

  template <class V>
  void visit(V& v) {
    v.field("kg_per_capita_day", kg_per_capita_day,
            {.unit = "kg/person/day",
             .meaning = "municipal waste per resident where a district gives no msw_t_per_yr",
             .min = 0,
             .max = 10,
             .source = "MINAM 2022, Trujillo province [DER] (FACTS.md §1.1)"});
    v.field("income_factor", income_factor,
            {.unit = "1",
             .meaning = "relative generation of low, middle, high income households (district totals "
                        "are kept)",
             .min = 0,
             .max = 10,
             .source = "[EST]"});
    v.field(
        "weekday_factor", weekday_factor,
        {.unit = "1", .meaning = "relative generation Monday..Sunday (mean 1)", .min = 0, .max = 7, .source = "[EST]"});
    v.field("variation_sigma", variation_sigma,
            {.unit = "1",
             .meaning = "log-scale standard deviation of a household's daily generation",
             .min = 0,
             .max = 3,
             .source = "[EST]"});
    v.field("composition", composition,
            {.unit = "1",
             .meaning = "shares of organic, paper_cardboard, plastic, glass, metal, other (sum 1)",
             .min = 0,
             .max = 1,
             .source = "Valiente Saldaña et al. 2023, Trujillo district (FACTS.md §1.2)"});
  }
  void check(schema::Checks& checks) const;
};

struct CollectionConfig {
  std::string depot;
  std::string disposal_site;
  int days_per_week = 6;
  double collection_speed_kmh = 8;
  double loading_min_per_t = 10;
  double unloading_min = 20;
  int illegal_dump_after_days = 3;
  double illegal_dump_share_per_day = 0.2;
  std::string transfer_station;
  double transfer_truck_capacity_t = 25;
  double transfer_truck_diesel_l_per_km = 0.45;
  double transfer_truck_cost_per_km_soles = 3.0;
  bool congestion_aware = false;

  template <class V>
  void visit(V& v) {
    v.field("depot", depot, {.meaning = "depot facility the trucks start from (empty: the first depot)"});
    v.field("disposal_site", disposal_site,
            {.meaning = "open dump or sanitary landfill receiving collected waste (empty: the first of either)"});
    v.field("days_per_week", days_per_week,
            {.unit = "days/week",
             .meaning = "collection days per week in every zone, spread over the week",
             .min = 1,
             .max = 7,
             .source = "[EST]"});
    v.field("collection_speed_kmh", collection_speed_kmh,
            {.unit = "km/h",
             .meaning = "truck speed along the streets of a zone while collecting",
             .min = 1,
             .max = 60,
             .source = "[EST]"});
    v.field("loading_min_per_t", loading_min_per_t,
            {.unit = "min/t", .meaning = "crew time to load one tonne", .min = 0, .max = 600, .source = "[EST]"});
    v.field("unloading_min", unloading_min,
            {.unit = "min", .meaning = "time at the disposal site per trip", .min = 0, .max = 600, .source = "[EST]"});
    v.field("illegal_dump_after_days", illegal_dump_after_days,
            {.unit = "days",
             .meaning = "age after which uncollected street waste starts to be dumped illegally",
             .min = 0,
             .max = 365,
             .source = "[EST]"});
    v.field("illegal_dump_share_per_day", illegal_dump_share_per_day,
            {.unit = "1/day",
             .meaning = "share of old street waste dumped illegally each day (puntos críticos)",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("transfer_station", transfer_station,
            {.meaning = "transfer station where collection trucks unload (empty: they drive to the disposal site)"});
    v.field("transfer_truck_capacity_t", transfer_truck_capacity_t,
            {.unit = "t",
             .meaning = "payload of the trucks hauling from the transfer station",
             .min = 1,
             .max = 60,
             .source = "[EST] semi-trailer"});
    v.field("transfer_truck_diesel_l_per_km", transfer_truck_diesel_l_per_km,
            {.unit = "L/km", .meaning = "diesel use of a transfer truck", .min = 0, .max = 5, .source = "[EST]"});
    v.field("transfer_truck_cost_per_km_soles", transfer_truck_cost_per_km_soles,
            {.unit = "soles/km",
             .meaning = "running cost of a transfer truck, fuel excluded",
             .min = 0,
             .source = "[EST]"});
    v.field("congestion_aware", congestion_aware,
            {.meaning = "trucks drive at the previous day's road congestion between districts over the shift's hours "
                        "(from mobility; off: free-flow times)"});
  }
};

struct FleetConfig {
  int trucks = 0;
  double capacity_t = 7;
  double capacity_m3 = 15;
  double compacted_density_t_per_m3 = 0.45;
  std::string fuel = "diesel";
  double diesel_l_per_km = 0.78;
  double cng_kg_per_km = 0.65;
  double electric_kwh_per_km = 1.8;
  double shift_h = 8;
  int crew = 3;
  double cost_per_km_soles = 2.0;
  double crew_cost_per_h_soles = 9.0;
  double breakdown_probability = 0.02;
  int repair_days = 2;

  // A load is limited by weight or by volume, whichever fills first (t).
  [[nodiscard]] double payload_t() const { return std::min(capacity_t, capacity_m3 * compacted_density_t_per_m3); }

  template <class V>
  void visit(V& v) {
    v.field("trucks", trucks,
            {.unit = "trucks",
             .meaning = "collection trucks",
             .min = 0,
             .max = 100000,
             .source = "[NF] fleet inventories not found; 0 means no collection service"});
    v.field("capacity_t", capacity_t,
            {.unit = "t",
             .meaning = "payload per trip",
             .min = 0.1,
             .max = 60,
             .source = "compactor 15-21 m3 at 400-500 kg/m3 [EST] (FACTS.md §1.5)"});
    v.field("capacity_m3", capacity_m3,
            {.unit = "m3",
             .meaning = "body volume per trip",
             .min = 0.1,
             .max = 100,
             .source = "standard compactor body 15-21 m3 (FACTS.md §1.5)"});
    v.field("compacted_density_t_per_m3", compacted_density_t_per_m3,
            {.unit = "t/m3",
             .meaning = "density of waste compacted in the body (0.15 uncompacted)",
             .min = 0.05,
             .max = 1.5,
             .source = "400-500 kg/m3 compacted [EST]; 150 kg/m3 loose (FACTS.md §1.1)"});
    v.field("fuel", fuel, {.meaning = "what the trucks run on", .choices = {"diesel", "cng", "electric"}});
    v.field("diesel_l_per_km", diesel_l_per_km,
            {.unit = "L/km",
             .meaning = "diesel use of a refuse truck in stop-and-go",
             .min = 0,
             .max = 5,
             .source = "US refuse trucks, 3 mpg [EST]"});
    v.field(
        "cng_kg_per_km", cng_kg_per_km,
        {.unit = "kg/km", .meaning = "natural gas use of a CNG refuse truck", .min = 0, .max = 5, .source = "[EST]"});
    v.field("electric_kwh_per_km", electric_kwh_per_km,
            {.unit = "kWh/km",
             .meaning = "electricity use of an electric refuse truck",
             .min = 0,
             .max = 10,
             .source = "[EST]"});
    v.field("shift_h", shift_h,
            {.unit = "h",
             .meaning = "working time per truck and day; zones not reached are "
                        "missed",
             .min = 0.5,
             .max = 24,
             .source = "[EST]"});
    v.field("crew", crew,
            {.unit = "persons", .meaning = "driver and loaders per truck", .min = 1, .max = 10, .source = "[EST]"});
    v.field("cost_per_km_soles", cost_per_km_soles,
            {.unit = "soles/km",
             .meaning = "fuel-independent running cost: maintenance, tyres, wear",
             .min = 0,
             .source = "[EST]"});
    v.field("crew_cost_per_h_soles", crew_cost_per_h_soles,
            {.unit = "soles/h/person", .meaning = "labour cost of one crew member", .min = 0, .source = "[EST]"});
    v.field("breakdown_probability", breakdown_probability,
            {.unit = "1/day",
             .meaning = "chance that a working truck breaks down at the start of a day",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("repair_days", repair_days,
            {.unit = "days",
             .meaning = "days a broken truck stays out of service",
             .min = 1,
             .max = 365,
             .source = "[EST]"});
  }
};

// Households' decision to separate recyclables at source (docs/model.md, "Source separation").
struct SeparationConfig {
  double attitude_mean = 0.35;
  double attitude_spread = 1.0;
  double intercept = -5.0;
  double scale = 6.0;
  double weight_attitude = 0.4;
  double weight_norm = 0.3;
  double weight_convenience = 0.3;
  double convenience_without_programme = 0.2;
  double capture_rate = 0.7;
  int review_days = 7;

  template <class V>
  void visit(V& v) {
    v.field("attitude_mean", attitude_mean,
            {.unit = "1",
             .meaning = "mean attitude towards separating, in (0, 1)",
             .min = 0.001,
             .max = 0.999,
             .source = "[EST]"});
    v.field("attitude_spread", attitude_spread,
            {.unit = "1",
             .meaning = "standard deviation of attitudes on the logit scale",
             .min = 0,
             .max = 5,
             .source = "[EST]"});
    v.field("intercept", intercept,
            {.unit = "1",
             .meaning = "logit of separating with no attitude, norm or "
                        "convenience",
             .min = -20,
             .max = 20,
             .source =
                 "[EST] about 3 % of households separate with no programme (MINAM 2016: 1.64 % of waste segregated)"});
    v.field("scale", scale,
            {.unit = "1",
             .meaning = "logit change from the weighted sum of attitude, norm and "
                        "convenience going from 0 to 1",
             .min = 0,
             .max = 50,
             .source = "[EST]"});
    v.field("weight_attitude", weight_attitude,
            {.unit = "1",
             .meaning = "weight of the household's attitude",
             .min = 0,
             .max = 1,
             .source = "TPB weights common in open models [EST] (FACTS.md §7)"});
    v.field("weight_norm", weight_norm,
            {.unit = "1",
             .meaning = "weight of the separating share in the district",
             .min = 0,
             .max = 1,
             .source = "[EST] (FACTS.md §7)"});
    v.field("weight_convenience", weight_convenience,
            {.unit = "1",
             .meaning = "weight of perceived convenience of the service offered",
             .min = 0,
             .max = 1,
             .source = "[EST] (FACTS.md §7)"});
    v.field("convenience_without_programme", convenience_without_programme,
            {.unit = "1",
             .meaning = "convenience where no selective collection exists (handing to recyclers)",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("capture_rate", capture_rate,
            {.unit = "1",
             .meaning = "share of its recyclables that a separating household separates",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("review_days", review_days,
            {.unit = "days", .meaning = "how often a household reconsiders", .min = 1, .max = 365, .source = "[EST]"});
  }
};

struct RecyclersConfig {
  int count = 0;
  double women_share = 0.30;
  double formal_share = 0.03;
  double capacity_kg_per_day = 30;
  double formal_capacity_factor = 1.5;
  double reachable_share = 0.5;
  double price_soles_per_kg = 0.6;
  double formal_price_factor = 1.3;

  template <class V>
  void visit(V& v) {
    v.field("count", count,
            {.unit = "persons",
             .meaning = "informal and formal recyclers picking at the kerb",
             .min = 0,
             .max = 1000000,
             .source = "set per city (FACTS.md §1.4)"});
    v.field("women_share", women_share,
            {.unit = "1",
             .meaning = "share of recyclers who are women",
             .min = 0,
             .max = 1,
             .source = "UNEP/UNDP PEI: 0.30 national, 0.76 Arequipa"});
    v.field("formal_share", formal_share,
            {.unit = "1",
             .meaning = "share of recyclers in a formalised association",
             .min = 0,
             .max = 1,
             .source = "MINAM 2025 via Gestión: about 3 %"});
    v.field("capacity_kg_per_day", capacity_kg_per_day,
            {.unit = "kg/day",
             .meaning = "recyclables an informal recycler can gather and carry in a day",
             .min = 0,
             .max = 2000,
             .source = "[EST] calibrated to MINAM's valorised share (about 0.9 % of MSW)"});
    v.field("formal_capacity_factor", formal_capacity_factor,
            {.unit = "1",
             .meaning = "capacity of a formalised recycler relative to an informal one (tricycles, "
                        "routes, access)",
             .min = 0,
             .max = 10,
             .source = "[EST]"});
    v.field("reachable_share", reachable_share,
            {.unit = "1",
             .meaning = "share of the recyclables in kerb waste that recyclers can reach and use",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
    v.field("price_soles_per_kg", price_soles_per_kg,
            {.unit = "soles/kg",
             .meaning = "price the recycling centre pays an informal recycler",
             .min = 0,
             .source = "[EST]"});
    v.field("formal_price_factor", formal_price_factor,
            {.unit = "1",
             .meaning = "price paid to formalised recyclers relative to informal ones",
             .min = 0,
             .max = 10,
             .source = "[EST]; formalised recyclers earn about double (MINAM via Gestión)"});
  }
};

// A policy that changes the service from a date on. `value` and `site` mean what `kind` says.
struct WasteMeasureConfig {
  std::string kind;
  Date start_date{2025, 1, 1};
  double value = 0;
  std::string site;
  std::vector<std::string> districts;

  template <class V>
  void visit(V& v) {
    v.field(
        "kind", kind,
        {.meaning =
             "fleet_size (value: trucks), electric_share or cng_share (value: share of the fleet), "
             "collection_days_per_week (value: days; districts, empty for all), disposal_site (site: facility name), "
             "landfill_gas_capture (value: share of methane captured at the disposal site), "
             "recycler_formalisation (value: share of recyclers formalised), "
             "separation_programme (districts; value: campaign and incentive boost to the intention logit), "
             "route_optimisation (value: 1 on, 0 off), "
             "composting_plant (site: a composting_plant facility; programme districts separate organics), "
             "transfer_station (site: a transfer_station facility where collection trucks unload from then on)",
         .choices = {waste::kMeasureKinds.begin(), waste::kMeasureKinds.end()},
         .required = true});
    v.field("start_date", start_date, {.unit = "date", .meaning = "first day the measure applies", .required = true});
    v.field("value", value, {.meaning = "the measure's number, in the unit its kind names", .min = 0});
    v.field("site", site, {.meaning = "facility name, for disposal_site, composting_plant and transfer_station"});
    v.field("districts", districts,
            {.meaning = "district names, for separation_programme and collection_days_per_week (empty: every "
                        "district)"});
  }
  void check(schema::Checks& checks) const;
};

struct WasteConfig {
  WasteGenerationConfig generation;
  CollectionConfig collection;
  FleetConfig fleet;
  SeparationConfig separation;
  RecyclersConfig recyclers;
  std::vector<WasteMeasureConfig> measures;
  double diesel_price_soles_per_l = 4.2;
  double cng_price_soles_per_kg = 2.0;
  double electricity_price_soles_per_kwh = 0.6;

  template <class V>
  void visit(V& v) {
    v.object("generation", generation, {.meaning = "household waste generation"});
    v.object("collection", collection, {.meaning = "collection service"});
    v.object("fleet", fleet, {.meaning = "collection trucks"});
    v.object("separation", separation, {.meaning = "households' separation of recyclables at source"});
    v.object("recyclers", recyclers, {.meaning = "recyclers who pick recyclables from kerb waste"});
    v.list("measures", measures, {.meaning = "policies that change the service from a start date, in order"});
    v.field("diesel_price_soles_per_l", diesel_price_soles_per_l,
            {.unit = "soles/L", .meaning = "price of diesel paid by the service", .min = 0, .source = "[EST]"});
    v.field("cng_price_soles_per_kg", cng_price_soles_per_kg,
            {.unit = "soles/kg", .meaning = "price of natural gas for vehicles", .min = 0, .source = "[EST]"});
    v.field("electricity_price_soles_per_kwh", electricity_price_soles_per_kwh,
            {.unit = "soles/kWh", .meaning = "price of electricity for charging", .min = 0, .source = "[EST]"});
  }
};

}  // namespace munisim
