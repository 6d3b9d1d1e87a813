// What a scenario says about its city: districts, the synthetic street network, facilities and
// how the population is synthesised. Defaults and their sources are part of the description.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/city/boundaries_config.hpp"
#include "sim/city/provisioning_config.hpp"
#include "sim/city/streets_config.hpp"
#include "sim/city/transit_config.hpp"
#include "sim/core/schema.hpp"

namespace munisim {

// Group counts every table and config list by income, age and waste fraction shares.
inline constexpr int kIncomeGroups = 3;    // low, middle, high
inline constexpr int kAgeGroups = 5;       // 0-14, 15-29, 30-44, 45-64, 65+
inline constexpr int kWasteFractions = 6;  // organic, paper_cardboard, plastic, glass, metal, other

// What is known about a district from the data tables; the scenario's entry and the built city's
// district both carry it.
struct DistrictFacts {
  std::string name;
  std::string ubigeo;
  std::int64_t population = 0;
  std::int64_t households = 0;
  double area_km2 = 0;
  double poverty_share = 0.2;
  std::int64_t urban_population = 0;
  std::int64_t rural_population = 0;
  double msw_t_per_yr = 0;
  double latitude = 0;
  double longitude = 0;
  std::vector<double> waste_composition = {};  // six fraction shares; empty: the city-wide composition
  double hdi = 0;                              // 0: unknown
};

struct DistrictConfig : DistrictFacts {
  std::string income_level = "middle";

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "district name as INEI writes it", .required = true});
    v.field("ubigeo", ubigeo, {.meaning = "INEI 6-digit district code; empty for invented districts"});
    v.field("population", population, {.unit = "persons", .meaning = "residents", .min = 1, .required = true});
    v.field("households", households,
            {.unit = "households", .meaning = "0 derives it as population / population.household_size", .min = 0});
    v.field("area_km2", area_km2, {.unit = "km2", .meaning = "district area", .min = 0.01, .required = true});
    v.field("income_level", income_level,
            {.meaning = "broad income level of the district", .choices = {"low", "middle", "high"}});
    v.field("poverty_share", poverty_share,
            {.unit = "1", .meaning = "share of residents below the poverty line", .min = 0, .max = 1});
    v.field("urban_population", urban_population,
            {.unit = "persons",
             .meaning = "urban residents in the waste table's year (0 with rural 0: unknown)",
             .min = 0});
    v.field("rural_population", rural_population,
            {.unit = "persons", .meaning = "rural residents in the waste table's year", .min = 0});
    v.field("msw_t_per_yr", msw_t_per_yr,
            {.unit = "t/yr", .meaning = "municipal solid waste generated (0: unknown)", .min = 0});
    v.field("latitude", latitude,
            {.unit = "deg",
             .meaning = "latitude of the district capital (WGS84); 0 with longitude 0: unknown",
             .min = -90,
             .max = 90});
    v.field("longitude", longitude,
            {.unit = "deg",
             .meaning = "longitude of the district capital (WGS84); 0 with latitude 0: unknown",
             .min = -180,
             .max = 180});
    v.field("waste_composition", waste_composition,
            {.unit = "1",
             .meaning = "shares of household waste organic, paper_cardboard, plastic, glass, metal, other (sum 1); "
                        "empty: waste.generation.composition",
             .min = 0,
             .max = 1,
             .source = "MINAM household waste composition by district (docs/data.md)"});
    v.field(
        "hdi", hdi,
        {.unit = "1", .meaning = "human development index (0: unknown)", .min = 0, .max = 1, .source = "PNUD 2019"});
  }
  void check(schema::Checks& checks) const;
};

struct StreetNetworkConfig {
  double block_m = 400;
  int arterial_every = 5;
  double street_speed_kmh = 30;
  double arterial_speed_kmh = 50;
  int street_lanes = 1;
  int arterial_lanes = 2;
  std::int64_t max_nodes = 20000;
  double settled_density_per_km2 = 1000;

  template <class V>
  void visit(V& v) {
    v.field("block_m", block_m, {.unit = "m", .meaning = "street spacing of the grid", .min = 50, .max = 5000});
    v.field("arterial_every", arterial_every,
            {.unit = "streets", .meaning = "every n-th street is an arterial", .min = 2, .max = 100});
    v.field("street_speed_kmh", street_speed_kmh,
            {.unit = "km/h", .meaning = "free speed on local streets", .min = 5, .max = 130});
    v.field("arterial_speed_kmh", arterial_speed_kmh,
            {.unit = "km/h", .meaning = "free speed on arterials", .min = 5, .max = 130});
    v.field("street_lanes", street_lanes,
            {.unit = "lanes", .meaning = "lanes per direction, local streets", .min = 1, .max = 8});
    v.field("arterial_lanes", arterial_lanes,
            {.unit = "lanes", .meaning = "lanes per direction, arterials", .min = 1, .max = 8});
    v.field("settled_density_per_km2", settled_density_per_km2,
            {.unit = "persons/km2",
             .meaning = "a district's grid covers at most population / this, so that "
                        "empty desert and mountain land is not laid out as streets",
             .min = 1,
             .max = 100000,
             .source = "[EST]"});
    v.field("max_nodes", max_nodes,
            {.unit = "nodes",
             .meaning = "upper bound on grid nodes; the spacing widens to respect it",
             .min = 4,
             .max = 4000000});
  }
};

struct FacilityConfig {
  std::string name;
  std::string kind;
  std::string district;
  std::string position = "centre";
  double capacity_t_per_day = 0;
  double gate_fee_soles_per_t = 0;
  double latitude = 0;
  double longitude = 0;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "facility name", .required = true});
    v.field("kind", kind,
            {.meaning = "what the facility is",
             .choices = {"depot", "transfer_station", "sanitary_landfill", "open_dump", "composting_plant",
                         "recycling_centre", "bus_terminal"},
             .required = true});
    v.field("district", district, {.meaning = "district it stands in (a name from city.districts)", .required = true});
    v.field("position", position,
            {.meaning = "where in its district: the node nearest its centre, or the one farthest from "
                        "the city centre",
             .choices = {"centre", "edge"}});
    v.field("capacity_t_per_day", capacity_t_per_day,
            {.unit = "t/day",
             .meaning = "what the facility is designed to receive (0: not stated); more is reported "
                        "as over capacity",
             .min = 0});
    v.field("gate_fee_soles_per_t", gate_fee_soles_per_t,
            {.unit = "soles/t",
             .meaning = "fee per tonne received",
             .min = 0,
             .source = "[NF] no Peruvian figure found; 0 at open dumps"});
    v.field("latitude", latitude,
            {.unit = "deg",
             .meaning = "where it stands (WGS84), used on real streets instead of position; 0 with longitude 0: "
                        "not given",
             .min = -90,
             .max = 90});
    v.field("longitude", longitude,
            {.unit = "deg", .meaning = "where it stands (WGS84); see latitude", .min = -180, .max = 180});
  }
};

struct PopulationConfig {
  double household_size = 3.5;
  double female_share = 0.508;
  std::vector<double> age_group_shares = {0.264, 0.243, 0.214, 0.195, 0.084};
  double employment_rate = 0.72;
  std::vector<double> digital_access_by_income = {0.40, 0.70, 0.92};
  std::vector<double> high_income_share_by_level = {0.03, 0.12, 0.35};

  template <class V>
  void visit(V& v) {
    v.field("household_size", household_size,
            {.unit = "persons/household",
             .meaning = "mean household size where a district gives no households",
             .min = 1,
             .max = 15,
             .source = "INEI census 2017, Peru [UNV]"});
    v.field("female_share", female_share,
            {.unit = "1",
             .meaning = "share of women and girls",
             .min = 0,
             .max = 1,
             .source = "INEI census 2017, Peru [UNV]"});
    v.field("age_group_shares", age_group_shares,
            {.unit = "1",
             .meaning = "shares of age groups 0-14, 15-29, 30-44, 45-64, 65+ (sum 1)",
             .min = 0,
             .max = 1,
             .source = "INEI census 2017, Peru [UNV]"});
    v.field("employment_rate", employment_rate,
            {.unit = "1",
             .meaning = "share of people aged 15-64 who are employed",
             .min = 0,
             .max = 1,
             .source = "INEI ENAHO employment-to-population ratio [UNV]"});
    v.field("digital_access_by_income", digital_access_by_income,
            {.unit = "1",
             .meaning = "share with internet access, by income group low, middle, high",
             .min = 0,
             .max = 1,
             .source = "[EST] calibrate with INEI ENAHO ICT module"});
    v.field("high_income_share_by_level", high_income_share_by_level,
            {.unit = "1",
             .meaning = "share of high-income households in low, middle, high districts",
             .min = 0,
             .max = 1,
             .source = "[EST]"});
  }
  void check(schema::Checks& checks) const;
};

struct CityConfig {
  std::string name;
  std::string ubigeo;
  std::int64_t sampling = 1;
  std::vector<DistrictConfig> districts;
  StreetNetworkConfig network;
  StreetsConfig streets;
  BoundariesConfig boundaries;
  TransitConfig transit;
  std::vector<FacilityConfig> facilities;
  PopulationConfig population;
  ProvisioningConfig provisioning;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "city name", .required = true});
    v.field("sampling", sampling,
            {.unit = "persons/agent",
             .meaning = "1:k sampling: each citizen agent stands for k people",
             .min = 1,
             .max = 100000});
    v.field("ubigeo", ubigeo,
            {.meaning = "build the districts from the national tables instead: comma-separated ubigeos, 6 digits "
                        "a district, 4 a province (1401 Chiclayo), 2 a department; needs data_dir"});
    v.list("districts", districts, {.meaning = "the city's districts (replaced when ubigeo is given)"});
    v.object("network", network, {.meaning = "synthetic street network, used when city.streets gives no real data"});
    v.object("streets", streets, {.meaning = "real streets: an OpenStreetMap extract"});
    v.object("boundaries", boundaries, {.meaning = "real district boundaries for real streets"});
    v.object("transit", transit, {.meaning = "public transport lines from a GTFS feed"});
    v.list("facilities", facilities, {.meaning = "depots, disposal sites, plants and terminals"});
    v.object("population", population, {.meaning = "how citizen agents are synthesised"});
    v.object("provisioning", provisioning,
             {.meaning = "services a city from city.ubigeo receives by rule (docs/provisioning.md)"});
  }
  void check(schema::Checks& checks) const;
};

}  // namespace munisim
