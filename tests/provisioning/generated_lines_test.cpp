// Bus lines laid out on a small synthetic city's streets: radial routes from district centres to
// the seat first, then routes across through the seat's centre; each runs both ways.
#include "sim/provisioning/generated_lines.hpp"

#include <gtest/gtest.h>

#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

City town() {
  CityConfig config;
  config.name = "Town";
  config.sampling = 100;
  for (const char* name : {"Centre", "North"}) {
    DistrictConfig district;
    district.name = name;
    district.population = 4000;
    district.area_km2 = 4;
    config.districts.push_back(district);
  }
  config.districts[1].population = 3000;
  Parallelism parallel(1);
  return build_synthetic_city(config, 1, parallel);
}

TEST(GeneratedLines, RadialRoutesFirstThenAcrossBothWays) {
  City city = town();
  const ProvisionRecord record = add_generated_lines(city, 0, 3, TransitConfig{});
  ASSERT_EQ(city.transit.lines.size(), 6u) << record.result;
  const TransitLine& radial = city.transit.lines[0];
  EXPECT_EQ(radial.long_name, "North - Centre");
  EXPECT_EQ(city.transit.stops[radial.stops.front()].node, central_node(city, city.districts[1]));
  EXPECT_EQ(city.transit.stops[radial.stops.back()].node, central_node(city, city.districts[0]));
  for (std::size_t l = 0; l < city.transit.lines.size(); l += 2) {
    const TransitLine& there = city.transit.lines[l];
    const TransitLine& back = city.transit.lines[l + 1];
    EXPECT_GT(there.length_m, 0);
    EXPECT_NEAR(there.length_m, back.length_m, 1e-6);
    EXPECT_EQ(there.stops.front(), back.stops.back());
    // Default 10 min headways, three times that at night; run time at 20 km/h in the am peak.
    EXPECT_EQ(there.headway_min[1], 10);
    EXPECT_EQ(there.headway_min[0], 30);
    EXPECT_NEAR(there.run_time_min[1], there.length_m / 1000 / 20 * 60, 1e-9);
    for (std::size_t s = 1; s < there.stops.size(); ++s) EXPECT_NE(there.stops[s], there.stops[s - 1]);
  }
  EXPECT_FALSE(city.transit.feed.empty());
  EXPECT_EQ(record.status, "applied");
}

TEST(GeneratedLines, ACityWithItsOwnLinesKeepsThem) {
  City city = town();
  TransitLine own;
  own.route_id = "own";
  city.transit.lines.push_back(own);
  const ProvisionRecord record = add_generated_lines(city, 0, 3, TransitConfig{});
  EXPECT_EQ(city.transit.lines.size(), 1u);
  EXPECT_EQ(record.status, "kept the city's transit lines");
}

}  // namespace
}  // namespace munisim
