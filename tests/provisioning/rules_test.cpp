// Each provisioning rule on a tiny hand-built table, with the expectation worked out by hand.
#include "sim/provisioning/rules.hpp"

#include <gtest/gtest.h>

namespace munisim::provisioning {
namespace {

DistrictConfig district(std::string ubigeo, std::int64_t population, double msw_t_per_yr = 0, std::int64_t urban = 0,
                        std::int64_t rural = 0) {
  DistrictConfig entry;
  entry.name = "d" + ubigeo;
  entry.ubigeo = std::move(ubigeo);
  entry.population = population;
  entry.msw_t_per_yr = msw_t_per_yr;
  entry.urban_population = urban;
  entry.rural_population = rural;
  return entry;
}

TEST(ProvisioningRules, TheSeatIsTheCapitalDistrictElseTheMostPopulous) {
  EXPECT_EQ(seat_district({district("130102", 100), district("130101", 50)}), 1u);
  EXPECT_EQ(seat_district({district("130104", 5), district("130105", 9), district("130106", 9)}), 1u);
  EXPECT_EQ(seat_district({district("080105", 7)}), 0u);
}

TEST(ProvisioningRules, GenerationUsesMinamTonnesElseThePerCapitaDefault) {
  // 365 t/yr = 1 t/day; 1,000 persons x 0.7 kg = 0.7 t/day.
  EXPECT_DOUBLE_EQ(generation_t_per_day({district("010101", 10, 365), district("010102", 1000)}, 0.7), 1.7);
}

TEST(ProvisioningRules, UrbanPopulationFallsBackToAllResidentsWhereTheSplitIsUnknown) {
  EXPECT_EQ(urban_population({district("010101", 100, 0, 80, 20), district("010102", 50)}), 130);
}

TEST(ProvisioningRules, CollectionDaysFollowTheUrbanThreshold) {
  EXPECT_EQ(collection_days_per_week(20000, 20000), 6);
  EXPECT_EQ(collection_days_per_week(19999, 20000), 3);
}

TEST(ProvisioningRules, TheFleetCarriesACollectionDaysWaste) {
  // Cusco-like: 77 t/day collected 6 days a week = 89.83 t per collection day; x 1.1 reserve =
  // 98.82 t; over 6.75 t x 2 trips = 13.5 t per truck -> 7.32 -> 8 trucks.
  EXPECT_EQ(fleet_trucks(77, 6, 6.75, 2, 0.1), 8);
  // Exactly one truckload a day needs exactly one truck.
  EXPECT_EQ(fleet_trucks(6, 7, 6, 1, 0), 1);
  // 12 t a day over 3 days a week = 28 t per collection day = 4 loads of 7 t -> 4 trucks at 1 trip.
  EXPECT_EQ(fleet_trucks(12, 3, 7, 1, 0), 4);
  // A hamlet still gets a truck.
  EXPECT_EQ(fleet_trucks(0.01, 3, 7, 2, 0.1), 1);
}

TEST(ProvisioningRules, BusLinesStartAtTheThresholdOnePerSoManyResidents) {
  EXPECT_EQ(bus_lines(49999, 50000, 15000), 0);
  EXPECT_EQ(bus_lines(50000, 50000, 15000), 4);    // 3.33 -> 4
  EXPECT_EQ(bus_lines(150000, 50000, 15000), 10);  // exactly 10
}

TEST(ProvisioningRules, TransfersAreListedElseEstimatedFromThePimWithTheFloor) {
  const Transfers listed = transfers(10e6, 5e6);
  EXPECT_TRUE(listed.listed);
  EXPECT_DOUBLE_EQ(listed.soles_per_yr, 5e6);
  // 16 % of 10 M = 1.6 M FONCOMUN (above the 0.56 M floor) + 20 % canon = 2 M.
  EXPECT_DOUBLE_EQ(transfers(10e6, std::nullopt).soles_per_yr, 3.6e6);
  // 16 % of 1 M = 0.16 M is below the floor: 0.56 M + 0.2 M canon.
  EXPECT_DOUBLE_EQ(transfers(1e6, std::nullopt).soles_per_yr, 0.76e6);
}

TEST(ProvisioningRules, BudgetsComeFromTheTableElseThePimPerHead) {
  EXPECT_DOUBLE_EQ(budget_pim(2e6, 1000), 2e6);
  EXPECT_DOUBLE_EQ(budget_pim(std::nullopt, 1000), 1.531e6);
  EXPECT_DOUBLE_EQ(budget_scale(266.4e6), 1.0);
  EXPECT_DOUBLE_EQ(budget_scale(26.64e6), 0.1);
}

TEST(ProvisioningRules, KnownDisposalSitesWinOverTheDraw) {
  const DisposalChoice trujillo = disposal_site("1301", "Trujillo", 1.0);
  EXPECT_EQ(trujillo.kind, "open_dump");
  EXPECT_EQ(trujillo.name, "El Milagro");
  EXPECT_EQ(trujillo.ubigeo, "130104");
  EXPECT_EQ(disposal_site("0401", "Arequipa", 1.0).name, "Quebrada Honda");
}

TEST(ProvisioningRules, TheDrawIsFixedPerProvinceAndComparedWithTheShare) {
  const double draw = province_draw("0801");
  EXPECT_EQ(draw, province_draw("0801"));
  EXPECT_GE(draw, 0.0);
  EXPECT_LT(draw, 1.0);
  EXPECT_NE(draw, province_draw("0802"));
  EXPECT_EQ(disposal_site("0801", "Cusco", draw + 1e-12).kind, "sanitary_landfill");
  EXPECT_EQ(disposal_site("0801", "Cusco", draw).kind, "open_dump");
  EXPECT_EQ(disposal_site("0801", "Cusco", 0.0).name, "Dump Cusco");
}

TEST(ProvisioningRules, DrawsSpreadEvenlySoTheShareIsKeptOverManyProvinces) {
  int below = 0, count = 0;
  for (int department = 1; department <= 25; ++department) {
    for (int province = 1; province <= 20; ++province) {
      char code[5];
      std::snprintf(code, sizeof code, "%02d%02d", department, province);
      below += province_draw(code) < 0.52 ? 1 : 0;
      ++count;
    }
  }
  // 500 draws: the binomial standard deviation of the share is 0.022; 3 of them is 0.067.
  EXPECT_NEAR(static_cast<double>(below) / count, 0.52, 0.067);
}

}  // namespace
}  // namespace munisim::provisioning
