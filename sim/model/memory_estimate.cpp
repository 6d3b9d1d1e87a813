// Coefficients measured with /usr/bin/time -v on the demo scenario at 3.8e4 to 3.8e6 citizens, and
// for cities from city.ubigeo on Lima (1501, 43 districts) at 1e5 to 1e7 citizens and Trujillo,
// Chiclayo and Lima provinces at 1:100 (tests/python/test_memory_limits.py keeps the estimate
// within 25 % of the peak at 1e5 citizens for both; docs/performance.md, "Cities of 10^5 to 10^7").
#include "sim/model/memory_estimate.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/byte_text.hpp"
#include "sim/core/error.hpp"
#include "sim/model/memory_limits.hpp"
#include "sim/provisioning/rules.hpp"

namespace munisim {
namespace {

// The binary's libraries, allocator arenas, thread stacks, scenario and synthetic streets.
constexpr double kBaselineBytes = 24.0 * 1024 * 1024;
// A citizen's columns (ids, rows, household, district, home node, five attributes, weight).
constexpr double kCitizenBytes = 41;
// A household's columns, its first person and the waste service's stocks and rates.
constexpr double kHouseholdBytes = 61;
// Series cells per day, fitted just above the demo's registry (875 cells with 3 districts and 4
// generated lines): per-district series (census, waste) and five line-by-hour transit series.
constexpr double kCellsPerDay = 256;
constexpr double kCellsPerDistrictDay = 64;
constexpr double kCellsPerLineDay = 5 * 24;
constexpr double kAssumedGeneratedLines = 4;
// Series are held by the registry, and at the end twice more, compressed to about 0.7 of their
// size: HDF5's in-memory file and the image copied out of it.
constexpr double kSeriesCopies = 2.5;
// The line-by-hour transit series are mostly zeros (night hours, lines outside a district pair's
// paths) and compress well. Counted for every generated route both ways (the layout drops some as
// repeats: Lima lays out 536 of its 696), they fit Lima's growth of 1.3-1.5 MiB a day for a month
// and its year's peak with 1.25 copies.
constexpr double kLineSeriesCopies = 1.25;
// A city from city.ubigeo: the national tables read while resolving it (populations, areas,
// poverty, waste, budgets) and its synthetic streets; 26 MiB over the demo's peak for one district
// as for Chiclayo's 20, measured at 1:100.
constexpr double kNationalTablesBytes = 26.0 * 1024 * 1024;
// A bus route laid out by provisioning (each run both ways): paths, stops and the collection
// routes' and lines' path trees on a 43-district street network (Lima: 696 routes, 13 MiB).
constexpr double kGeneratedRouteBytes = 20.0 * 1024;
// Mobility's tables per origin, destination and hour: trip conditions, the day's mode table and
// the trip tallies (one per running thread, 160 bytes a segment each).
constexpr double kMobilityBytesPerSegment = 500;
// The day's mode rows per chooser class by home band (sim/mobility/trip_sampler.cpp, 768 bytes a
// segment for the day), net of what the tables before them took: Lima's peak at 1:100 fell by
// 35 MiB when they replaced the third pass's rows and larger tallies (830 bytes a segment).
constexpr double kChooserRowBytesPerSegment = 230;
constexpr double kHours = 24;

// Routes provisioning will lay out on the streets (sim/provisioning/provision_services.cpp).
double generated_routes(const CityConfig& city) {
  if (city.ubigeo.empty() || !city.provisioning.enabled || !city.transit.gtfs.empty()) return 0;
  std::int64_t population = 0;
  for (const DistrictConfig& district : city.districts) population += district.population;
  return provisioning::bus_lines(population, city.provisioning.bus_lines_min_population, city.provisioning.persons_per_bus_line);
}

}  // namespace

MemoryEstimate estimate_memory(const ScenarioConfig& config) {
  const CityConfig& city = config.city;
  const double sampling = static_cast<double>(std::max<std::int64_t>(1, city.sampling));
  double citizens = 0;
  double households = 0;
  for (const DistrictConfig& district : city.districts) {
    const double district_households = district.households > 0
                                           ? static_cast<double>(district.households)
                                           : static_cast<double>(district.population) / city.population.household_size;
    households += std::max(1.0, std::round(district_households / sampling));
    citizens += static_cast<double>(district.population) / sampling;
  }
  const double routes = generated_routes(city);
  const auto districts = static_cast<double>(city.districts.size());
  const double days = static_cast<double>(config.days);
  double lines = static_cast<double>(config.mobility.transit.lines.size()) + kAssumedGeneratedLines;
  double city_bytes = city.ubigeo.empty() ? 0 : kNationalTablesBytes + kGeneratedRouteBytes * routes;
  if (config.mobility.enabled) {
    lines += 2 * routes;
    city_bytes += (kMobilityBytesPerSegment + kChooserRowBytesPerSegment) * districts * districts * kHours;
  }
  const double cells_per_day = kCellsPerDay + kCellsPerDistrictDay * districts;
  const double series = (kSeriesCopies * cells_per_day + kLineSeriesCopies * kCellsPerLineDay * lines) * days *
                        static_cast<double>(sizeof(double));
  MemoryEstimate estimate;
  estimate.citizens = static_cast<std::uint64_t>(std::llround(citizens));
  estimate.households = static_cast<std::uint64_t>(households);
  estimate.days = config.days;
  estimate.bytes =
      static_cast<std::uint64_t>(kBaselineBytes + city_bytes + kCitizenBytes * citizens + kHouseholdBytes * households +
                                 series);
  return estimate;
}

std::string describe(const MemoryEstimate& estimate) {
  return "about " + byte_text(estimate.bytes) + " for " + std::to_string(estimate.citizens) + " citizen agents, " +
         std::to_string(estimate.households) + " households and " + std::to_string(estimate.days) + " days";
}

void check_memory(const MemoryEstimate& estimate, const std::string& scenario_file) {
  const std::optional<MemoryLimit> limit = tightest_memory_limit();
  if (!limit || estimate.bytes <= limit->bytes) return;
  throw InputError({scenario_file, 0, 0}, "",
                   "the run needs " + describe(estimate) + ", more than the " + byte_text(limit->bytes) + " of " +
                       limit->name + "; raise city.sampling, or shorten days, or run on a larger machine");
}

}  // namespace munisim
