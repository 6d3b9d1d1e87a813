// Cities from the national tables receive their services by rule (docs/provisioning.md): Cusco
// collects its waste with tonnes conserved, the scenario's own keys win, /meta records each rule,
// and every one of Peru's 1,891 municipalities builds and runs a week with every service (about
// 11 s of CPU at 1:1000; benchmarks/provisioning_sweep reports the figures). Skipped, with a
// message, where the data folder is absent.
#include <gtest/gtest.h>

#include "sim/data/csv.hpp"
#include "tests/support/provisioned_run.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

using testing::kSharedData;

Scenario any_district(std::vector<std::string> overrides) {
  overrides.push_back("data_dir=\"" + kSharedData.string() + "\"");
  return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/any-district.yaml", overrides);
}

const Table& provisioning_table(const OutputContent& content) {
  for (const Table& table : content.meta_tables) {
    if (table.name == "provisioning") return table;
  }
  throw std::runtime_error("no /meta/provisioning");
}

std::string status_of(const Table& table, const std::string& rule) {
  for (std::size_t row = 0; row < table.texts[0].values.size(); ++row) {
    if (table.texts[0].values[row] == rule) return table.texts[5].values[row];
  }
  return "";
}

TEST(Provisioning, CuscoCollectsItsWasteAndConservesTonnes) {
  REQUIRE_SHARED_DATA("peru-funding");
  Simulation simulation(any_district({"city.ubigeo=\"080101\"", "days=14", "city.sampling=20"}), 1);
  simulation.run();
  const double generated = testing::series_total(simulation, "waste_generated_t", false);
  const double collected = testing::series_total(simulation, "waste_collected_t", false);
  EXPECT_GT(generated / simulation.days_run(), 60) << "Cusco generates about 77 t/day (MINAM 2023)";
  EXPECT_GT(collected, 0.75 * generated);
  EXPECT_LE(collected, generated);
  EXPECT_NEAR(testing::series_total(simulation, "waste_disposed_t", false), collected, 1e-6 * generated);
  EXPECT_GT(simulation.city().transit.lines.size(), 0u) << "Cusco is large enough for bus lines";
  const OutputContent content = simulation.output();
  const Table& table = provisioning_table(content);
  EXPECT_EQ(status_of(table, "fleet"), "applied");
  EXPECT_EQ(status_of(table, "bus_line_layout"), "applied");
  EXPECT_EQ(status_of(table, "municipal_budget"), "applied");
}

TEST(Provisioning, OverridesWinAndAreRecorded) {
  REQUIRE_SHARED_DATA("peru-funding");
  Simulation simulation(any_district({"city.ubigeo=\"080101\"", "days=1", "city.sampling=200", "waste.fleet.trucks=2",
                                      "governance.finance.opening_cash_soles=7"}),
                        1);
  EXPECT_EQ(simulation.scenario().config.waste.fleet.trucks, 2);
  EXPECT_EQ(simulation.scenario().config.governance.finance.opening_cash_soles, 7);
  const OutputContent content = simulation.output();
  const Table& table = provisioning_table(content);
  EXPECT_EQ(status_of(table, "fleet"), "kept waste.fleet.trucks: the scenario gives it");
  EXPECT_EQ(status_of(table, "opening_cash"), "kept governance.finance.opening_cash_soles: the scenario gives it");
}

TEST(Provisioning, TrujilloDumpsAtElMilagro) {
  REQUIRE_SHARED_DATA("peru-funding");
  Simulation simulation(any_district({"city.ubigeo=\"1301\"", "days=1", "city.sampling=500"}), 1);
  const auto& facilities = simulation.city().facilities;
  ASSERT_EQ(facilities.size(), 2u);
  EXPECT_EQ(facilities[1].name, "El Milagro");
  EXPECT_EQ(simulation.city().districts[facilities[1].district].name, "Huanchaco");
}

TEST(Provisioning, EveryMunicipalityOfPeruBuildsAndRunsAWeekWithItsServices) {
  REQUIRE_SHARED_DATA("peru-funding");
  const NationalTables tables = NationalTables::load(kSharedData);
  const BudgetTables budgets = BudgetTables::load(kSharedData);
  const CsvTable inei = read_csv(kSharedData / "peru-districts/inei_municipalidades_2025.csv", ',');
  ASSERT_EQ(inei.rows.size(), 1891u);
  const std::size_t code = inei.column("ubigeo");
  for (const auto& row : inei.rows) {
    const testing::ProvisionedRun run = testing::provisioned_run(row[code], tables, budgets, 1000, 7);
    ASSERT_EQ(run.problem, "") << row[code];
    EXPECT_GT(run.collected_t, 0) << row[code];
    EXPECT_NEAR(run.balance_error_t, 0, 1e-9 * (1 + run.generated_t)) << row[code];
  }
}

}  // namespace
}  // namespace munisim
