// The skims are built one origin district per thread: at any thread count they are those of a
// plain Dijkstra between the district centres.
#include "sim/mobility/travel_skims.hpp"

#include <gtest/gtest.h>

#include "sim/core/parallel.hpp"
#include "sim/core/shortest_path.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

TEST(TravelSkims, EveryThreadCountGivesThePathsOfAPlainDijkstra) {
  const Scenario scenario = load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml");
  Parallelism one_thread(1);
  const City city = build_synthetic_city(scenario.config.city, 7, one_thread);
  const TravelSkims serial(city, one_thread);
  ASSERT_GT(serial.districts(), 2u);
  for (int threads : {2, 3}) {
    Parallelism parallel(threads);
    const TravelSkims skims(city, parallel);
    for (std::size_t o = 0; o < skims.districts(); ++o) {
      for (std::size_t d = 0; d < skims.districts(); ++d) {
        const std::size_t pair = skims.pair(o, d);
        EXPECT_EQ(skims.distance_km(pair), serial.distance_km(pair));
        EXPECT_EQ(skims.free_time_min(pair), serial.free_time_min(pair));
        EXPECT_EQ(skims.path(pair), serial.path(pair));
        if (o == d) continue;
        const auto exact = dijkstra_path(city.network, skims.centre(o), skims.centre(d), PathWeight::free_time_min);
        ASSERT_TRUE(exact.has_value());
        EXPECT_EQ(skims.free_time_min(pair), exact->cost);
        EXPECT_EQ(skims.path(pair), exact->edges);
      }
    }
  }
}

}  // namespace
}  // namespace munisim
