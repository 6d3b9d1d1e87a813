// Provisioning a two-district city by hand: what each rule gives, what /meta records, and that
// every key the scenario writes itself wins over the rule.
#include "sim/provisioning/provision_services.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/provisioning/rules.hpp"

namespace munisim {
namespace {

// Two districts of a province 0801: the capital (01) and a larger neighbour. 73,000 t/yr = 200 t/day.
constexpr const char* kCity = R"(name: two
city:
  name: Two
  ubigeo: "0801"
  districts:
    - {name: Capital, ubigeo: "080101", population: 40000, area_km2: 10, urban_population: 30000,
       rural_population: 10000, msw_t_per_yr: 36500}
    - {name: Neighbour, ubigeo: "080102", population: 60000, area_km2: 20, msw_t_per_yr: 36500}
)";

Scenario scenario(std::vector<std::string> overrides = {}) { return load_scenario_text(kCity, "two.yaml", ".", overrides); }

// PIM in the table for the capital only; transfers listed for the neighbour only.
BudgetTables budgets() { return BudgetTables({{"080101", 26.64e6}}, {{"080102", 9e6}}); }

const ProvisionRecord& record(const ProvisioningPlan& plan, const std::string& rule) {
  const auto found = std::find_if(plan.records.begin(), plan.records.end(),
                                  [&](const ProvisionRecord& entry) { return entry.rule == rule; });
  if (found == plan.records.end()) throw std::runtime_error("no record of " + rule);
  return *found;
}

const FacilityConfig* facility(const ScenarioConfig& config, const std::string& kind) {
  for (const FacilityConfig& entry : config.city.facilities) {
    if (entry.kind == kind) return &entry;
  }
  return nullptr;
}

TEST(ProvisionServices, GivesEveryServiceByItsRule) {
  Scenario city = scenario();
  const ProvisioningPlan plan = provision_services(city, budgets());
  const ScenarioConfig& config = city.config;
  EXPECT_EQ(plan.seat, 0u) << "the capital district 080101 is the seat";
  ASSERT_NE(facility(config, "depot"), nullptr);
  EXPECT_EQ(facility(config, "depot")->district, "Capital");
  const double draw = provisioning::province_draw("0801");
  const char* kind = draw < 0.52 ? "sanitary_landfill" : "open_dump";
  ASSERT_NE(facility(config, kind), nullptr) << "draw " << draw;
  EXPECT_EQ(facility(config, kind)->position, "edge");
  // Urban: 30,000 (MINAM split) + 60,000 (split unknown: all) = 90,000 >= 20,000 -> 6 days.
  EXPECT_EQ(config.waste.collection.days_per_week, 6);
  // 200 t/day x 7/6 = 233.3 t per collection day x 1.1 = 256.7 t / (6.75 t x 2 trips) = 19.01 -> 20.
  EXPECT_EQ(config.waste.fleet.trucks, 20);
  // 100,000 residents >= 50,000: ceil(100,000 / 15,000) = 7 routes.
  EXPECT_EQ(plan.bus_lines, 7);
  // PIM: 26.64 M (table) + 60,000 x 1,531 = 91.86 M (per head) = 118.5 M; scale 118.5 / 266.4.
  const double scale = (26.64e6 + 60000 * 1531.0) / 266.4e6;
  EXPECT_NEAR(config.governance.departments.waste.budget_soles_per_yr, 2.0e6 * scale, 1e-6);
  EXPECT_NEAR(config.governance.departments.it.staff, 8 * scale, 1e-12);
  EXPECT_NEAR(config.governance.finance.opening_cash_soles, 5.0e6 * scale, 1e-6);
  // Transfers: capital max(0.56 M, 16 % of 26.64 M = 4.2624 M) + 20 % = 9.5904 M; neighbour listed 9 M.
  ASSERT_EQ(config.governance.finance.transfers_soles_per_month.size(), 1u);
  EXPECT_NEAR(config.governance.finance.transfers_soles_per_month[0], (9.5904e6 + 9e6) / 12, 1e-6);
  EXPECT_EQ(record(plan, "fleet").status, "applied");
  EXPECT_NE(record(plan, "fleet").inputs.find("days_per_week=6"), std::string::npos);
  EXPECT_EQ(std::count_if(plan.records.begin(), plan.records.end(),
                          [](const ProvisionRecord& entry) { return entry.rule == "municipal_budget"; }),
            2);
}

TEST(ProvisionServices, KeysTheScenarioWritesWin) {
  Scenario city = scenario({"waste.fleet.trucks=3", "waste.collection.days_per_week=2",
                            "governance.departments.waste.budget_soles_per_yr=123",
                            "city.facilities=[{name: Mine, kind: depot, district: Neighbour}, "
                            "{name: Old dump, kind: open_dump, district: Neighbour}]"});
  const ProvisioningPlan plan = provision_services(city, budgets());
  const ScenarioConfig& config = city.config;
  EXPECT_EQ(config.waste.fleet.trucks, 3);
  EXPECT_EQ(config.waste.collection.days_per_week, 2);
  EXPECT_EQ(config.governance.departments.waste.budget_soles_per_yr, 123);
  ASSERT_EQ(config.city.facilities.size(), 2u);
  EXPECT_EQ(config.city.facilities[0].name, "Mine");
  EXPECT_EQ(record(plan, "fleet").status, "kept waste.fleet.trucks: the scenario gives it");
  EXPECT_EQ(record(plan, "depot").status, "kept city.facilities: the scenario has depot 'Mine'");
  // The rule sizes what it would give from the collection days in force (the scenario's 2).
  EXPECT_NE(record(plan, "fleet").inputs.find("days_per_week=2"), std::string::npos);
  // Other departments still follow the rule.
  EXPECT_GT(config.governance.departments.transport.budget_soles_per_yr, 0);
  EXPECT_NE(config.governance.departments.transport.budget_soles_per_yr, DepartmentsConfig{}.transport.budget_soles_per_yr);
}

TEST(ProvisionServices, AGtfsFeedReplacesTheGeneratedLines) {
  Scenario city = scenario({"city.transit.gtfs=feed.zip", "city.streets.transit_shapes=true"});
  const ProvisioningPlan plan = provision_services(city, budgets());
  EXPECT_EQ(plan.bus_lines, 0);
  EXPECT_EQ(record(plan, "bus_lines").status, "kept city.transit.gtfs: the scenario imports its lines");
}

TEST(ProvisionServices, SwitchedOffOrWithoutUbigeoNothingIsGiven) {
  Scenario off = scenario({"city.provisioning.enabled=false"});
  EXPECT_TRUE(provision_services(off, budgets()).records.empty());
  EXPECT_EQ(off.config.waste.fleet.trucks, 0);
  Scenario plain = scenario({"city.ubigeo=\"\""});
  EXPECT_TRUE(provision_services(plain, budgets()).records.empty());
  EXPECT_TRUE(plain.config.city.facilities.empty());
}

}  // namespace
}  // namespace munisim
