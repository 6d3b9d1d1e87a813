#include "sim/city/population.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

CityConfig two_district_city(std::int64_t sampling) {
  CityConfig config;
  config.name = "Test";
  config.sampling = sampling;
  DistrictConfig north;
  north.name = "North";
  north.population = 60000;
  north.area_km2 = 4;
  north.poverty_share = 0.3;
  north.income_level = "low";
  DistrictConfig south;
  south.name = "South";
  south.population = 40000;
  south.households = 10000;
  south.area_km2 = 2;
  south.poverty_share = 0.05;
  south.income_level = "high";
  config.districts = {north, south};
  config.network.block_m = 200;
  return config;
}

City build(const CityConfig& config, std::uint64_t seed, int threads) {
  Parallelism parallel(threads);
  return build_synthetic_city(config, seed, parallel);
}

// Tolerance for a sample share: five standard errors of a proportion.
double tolerance(double share, std::size_t n) { return 5 * std::sqrt(share * (1 - share) / static_cast<double>(n)); }

TEST(Population, WeightedPersonsAndHouseholdsEqualTheDistrictTables) {
  for (std::int64_t sampling : {1, 10}) {
    const City city = build(two_district_city(sampling), 7, 2);
    std::vector<double> persons(2), households(2);
    const auto district = city.citizens.column<std::uint32_t>("district");
    const auto weight = city.citizens.column<double>("weight_persons");
    for (std::size_t p = 0; p < city.citizens.size(); ++p) persons[district[p]] += weight[p];
    const auto hh_district = city.households.column<std::uint32_t>("district");
    const auto hh_weight = city.households.column<double>("weight_households");
    for (std::size_t h = 0; h < city.households.size(); ++h) households[hh_district[h]] += hh_weight[h];
    EXPECT_NEAR(persons[0], 60000, 1e-6) << "sampling " << sampling;
    EXPECT_NEAR(persons[1], 40000, 1e-6);
    EXPECT_NEAR(households[0], 60000 / 3.5, 1.0);  // derived from the mean household size
    EXPECT_NEAR(households[1], 10000, 1e-6);       // given
    // 1:k sampling simulates about a k-th of the people.
    EXPECT_NEAR(static_cast<double>(city.citizens.size()), 100000.0 / static_cast<double>(sampling),
                0.03 * 100000.0 / static_cast<double>(sampling));
  }
}

TEST(Population, EveryHomeLiesInItsDistrict) {
  const City city = build(two_district_city(1), 3, 1);
  // A citizen lives at its household's home node.
  const auto district = city.citizens.column<std::uint32_t>("district");
  const auto household = city.citizens.column<std::uint32_t>("household");
  const auto node = city.households.column<std::uint32_t>("home_node");
  for (std::size_t p = 0; p < city.citizens.size(); ++p) {
    ASSERT_EQ(city.node_district[node[household[p]]], district[p]);
  }
}

TEST(Population, SharesMatchTheConfiguration) {
  const CityConfig config = two_district_city(1);
  const City city = build(config, 11, 2);
  const auto gender = city.citizens.column<std::uint8_t>("gender");
  const auto age = city.citizens.column<std::uint8_t>("age_group");
  const auto income = city.citizens.column<std::uint8_t>("income_group");
  const auto district = city.citizens.column<std::uint32_t>("district");
  const auto employed = city.citizens.column<std::uint8_t>("employed");
  const std::size_t n = city.citizens.size();
  auto share = [](std::size_t count, std::size_t of) { return static_cast<double>(count) / static_cast<double>(of); };
  std::size_t women = 0, north = 0, north_poor = 0;
  std::vector<std::size_t> ages(kAgeGroups);
  for (std::size_t p = 0; p < n; ++p) {
    women += gender[p] == 0;
    ++ages[age[p]];
    if (district[p] == 0) {
      ++north;
      north_poor += income[p] == 0;
    }
    if (age[p] == 0 || age[p] == 4) {
      ASSERT_EQ(employed[p], 0) << "only ages 15-64 are employed";
    }
  }
  const PopulationConfig& shares = config.population;
  EXPECT_NEAR(share(women, n), shares.female_share, tolerance(shares.female_share, n));
  for (std::size_t g = 0; g < kAgeGroups; ++g) {
    // Household sizes vary, so the head correction is exact only in expectation: allow 2 points.
    EXPECT_NEAR(share(ages[g], n), shares.age_group_shares[g], 0.02) << age_group_labels()[g];
  }
  // Income is drawn per household (mean size 3.5), so the effective sample is smaller.
  EXPECT_NEAR(share(north_poor, north), 0.3, tolerance(0.3, north / 4));
}

TEST(Population, HouseholdHeadsAreAdults) {
  const City city = build(two_district_city(1), 5, 2);
  const auto household = city.citizens.column<std::uint32_t>("household");
  const auto age = city.citizens.column<std::uint8_t>("age_group");
  for (std::size_t p = 0; p < city.citizens.size(); ++p) {
    if (p == 0 || household[p] != household[p - 1]) {
      ASSERT_NE(age[p], 0) << "person " << p;
    }
  }
}

TEST(Population, SameSeedSameCitizensForAnyThreadCount) {
  const CityConfig config = two_district_city(2);
  const City one = build(config, 42, 1);
  const City four = build(config, 42, 4);
  const City other_seed = build(config, 43, 1);
  ASSERT_EQ(one.citizens.size(), four.citizens.size());
  for (const char* column : {"gender", "age_group", "income_group", "employed", "digital_access"}) {
    const auto a = one.citizens.column<std::uint8_t>(column);
    const auto b = four.citizens.column<std::uint8_t>(column);
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin())) << column;
  }
  const auto a = one.households.column<std::uint32_t>("home_node");
  const auto b = four.households.column<std::uint32_t>("home_node");
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  const auto c = other_seed.households.column<std::uint32_t>("home_node");
  EXPECT_FALSE(one.households.size() == other_seed.households.size() && std::equal(a.begin(), a.end(), c.begin()));
}

TEST(City, FacilitiesStandInTheirDistrict) {
  CityConfig config = two_district_city(10);
  config.facilities = {{"Depot", "depot", "North", "centre"}, {"Dump", "open_dump", "South", "edge"}};
  const City city = build(config, 1, 1);
  ASSERT_EQ(city.facilities.size(), 2u);
  EXPECT_EQ(city.node_district[city.facilities[0].node], 0u);
  EXPECT_EQ(city.node_district[city.facilities[1].node], 1u);
  // The edge position is the district node farthest from the population-weighted centre.
  const District& south = city.districts[1];
  const double cx = (60000 * city.districts[0].centroid_x_m + 40000 * south.centroid_x_m) / 100000;
  const double cy = (60000 * city.districts[0].centroid_y_m + 40000 * south.centroid_y_m) / 100000;
  auto distance = [&](NodeId node) {
    return std::hypot(city.network.node_x(node) - cx, city.network.node_y(node) - cy);
  };
  for (NodeId node : south.nodes) EXPECT_LE(distance(node), distance(city.facilities[1].node) + 1e-9);
}

}  // namespace
}  // namespace munisim
