// Coefficients measured with /usr/bin/time -v on the demo scenario at 3.8e4 to 3.8e6 citizens
// (tests/python/test_resources.py keeps the estimate within 25 % of the peak at 1e5 citizens).
#include "sim/model/memory_estimate.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/byte_text.hpp"
#include "sim/core/error.hpp"
#include "sim/model/memory_limits.hpp"

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
  const double lines = static_cast<double>(config.mobility.transit.lines.size()) + kAssumedGeneratedLines;
  const double cells_per_day =
      kCellsPerDay + kCellsPerDistrictDay * static_cast<double>(city.districts.size()) + kCellsPerLineDay * lines;
  const double series = kSeriesCopies * cells_per_day * static_cast<double>(config.days) * sizeof(double);
  MemoryEstimate estimate;
  estimate.citizens = static_cast<std::uint64_t>(std::llround(citizens));
  estimate.households = static_cast<std::uint64_t>(households);
  estimate.days = config.days;
  estimate.bytes =
      static_cast<std::uint64_t>(kBaselineBytes + kCitizenBytes * citizens + kHouseholdBytes * households + series);
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
