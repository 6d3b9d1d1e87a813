// How long importing real city data takes: the Trujillo OpenStreetMap extract (fresh and from the
// cache), its two GTFS feeds, the district boundaries of Peru, and building the whole Trujillo city.
// Needs ../shared/data. Run: ninja -C build import_bench && build/bin/import_bench
#include <benchmark/benchmark.h>

#include <filesystem>

#include "sim/core/parallel.hpp"
#include "sim/data/boundaries.hpp"
#include "sim/data/gtfs_feed.hpp"
#include "sim/data/network_cache.hpp"
#include "sim/model/real_city.hpp"

namespace munisim {
namespace {

const std::filesystem::path kData = std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data";
const LocalProjection kTrujillo({-79.03, -8.11});

bool data_missing(benchmark::State& state) {
  if (std::filesystem::exists(kData / "osm-trujillo")) return false;
  state.SkipWithError("needs ../shared/data");
  return true;
}

void BM_OsmExtractImport(benchmark::State& state) {
  if (data_missing(state)) return;
  for (auto _ : state) {
    benchmark::DoNotOptimize(read_osm_network(kData / "osm-trujillo/trujillo.osm.pbf", kTrujillo, StreetsConfig{}));
  }
}
BENCHMARK(BM_OsmExtractImport)->Unit(benchmark::kMillisecond);

void BM_OsmExtractFromCache(benchmark::State& state) {
  if (data_missing(state)) return;
  const std::filesystem::path cache = std::filesystem::temp_directory_path() / "munisim-import-bench";
  const std::filesystem::path extract = kData / "osm-trujillo/trujillo.osm.pbf";
  (void)load_osm_network(extract, kTrujillo, StreetsConfig{}, cache);
  for (auto _ : state) benchmark::DoNotOptimize(load_osm_network(extract, kTrujillo, StreetsConfig{}, cache));
}
BENCHMARK(BM_OsmExtractFromCache)->Unit(benchmark::kMillisecond);

void BM_GtfsFeed(benchmark::State& state, const char* feed) {
  if (data_missing(state)) return;
  for (auto _ : state) benchmark::DoNotOptimize(read_gtfs(kData / feed));
}
BENCHMARK_CAPTURE(BM_GtfsFeed, trujillo_omus, "gtfs-trujillo-omus/trujillo_omus_gtfs.zip")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_GtfsFeed, trujillo_2026, "gtfs-trujillo-2026/trujillo_gtfs_2026-01.zip")
    ->Unit(benchmark::kMillisecond);

void BM_DistrictBoundariesOfPeru(benchmark::State& state) {
  if (data_missing(state)) return;
  for (auto _ : state) {
    benchmark::DoNotOptimize(read_boundaries(kData / "peru-boundaries/peru_distrital_simple.geojson"));
  }
}
BENCHMARK(BM_DistrictBoundariesOfPeru)->Unit(benchmark::kMillisecond);

// Streets (cached after the first round), boundaries, the OMUS feed and 122,672 citizens at 1:10.
void BM_TrujilloCity(benchmark::State& state) {
  if (data_missing(state)) return;
  const Scenario scenario = load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo.yaml",
                                          {"data_dir=\"" + kData.string() + "\""});
  Parallelism parallel(2);
  for (auto _ : state) benchmark::DoNotOptimize(build_city(scenario, 1, parallel));
}
BENCHMARK(BM_TrujilloCity)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace munisim

BENCHMARK_MAIN();
