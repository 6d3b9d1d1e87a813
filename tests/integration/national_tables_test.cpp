// Cities from the national tables (../shared/data): every one of Peru's districts builds. Skipped,
// with a message, where the data folder is absent.
#include "sim/data/national_tables.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/core/parallel.hpp"
#include "sim/data/csv.hpp"
#include "sim/model/simulation.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

using testing::kSharedData;

TEST(NationalTables, AProvinceByItsCode) {
  REQUIRE_SHARED_DATA("peru-districts");
  const TableDistricts chiclayo = districts_from_tables("1401", kSharedData);
  EXPECT_EQ(chiclayo.districts.size(), 20u);
  EXPECT_EQ(chiclayo.districts[0].ubigeo, "140101");
  EXPECT_EQ(chiclayo.districts[0].name, "Chiclayo");
  EXPECT_GT(chiclayo.districts[0].msw_t_per_yr, 0);
  EXPECT_FALSE(chiclayo.notes.empty());
}

TEST(NationalTables, TrujilloMatchesTheShippedScenario) {
  REQUIRE_SHARED_DATA("peru-districts");
  const TableDistricts trujillo = districts_from_tables("1301", kSharedData);
  const Scenario shipped = load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/trujillo.yaml");
  ASSERT_EQ(trujillo.districts.size(), shipped.config.city.districts.size());
  for (std::size_t d = 0; d < trujillo.districts.size(); ++d) {
    EXPECT_EQ(trujillo.districts[d].population, shipped.config.city.districts[d].population);
    EXPECT_EQ(trujillo.districts[d].msw_t_per_yr, shipped.config.city.districts[d].msw_t_per_yr);
  }
  // Alto Trujillo has no attribute row: its area follows the settled-area rule.
  EXPECT_DOUBLE_EQ(trujillo.districts[11].area_km2, 87632 / 1000.0);
}

TEST(NationalTables, UnknownAndMalformedCodesAreInputErrors) {
  REQUIRE_SHARED_DATA("peru-districts");
  EXPECT_THROW((void)districts_from_tables("999999", kSharedData), InputError);
  EXPECT_THROW((void)districts_from_tables("14x", kSharedData), InputError);
  EXPECT_THROW((void)districts_from_tables("140101", kSharedData / "nowhere"), InputError);
}

TEST(NationalTables, EveryDistrictOfPeruBuildsAndRuns) {
  REQUIRE_SHARED_DATA("peru-districts");
  const CsvTable inei = read_csv(kSharedData / "peru-districts/inei_municipalidades_2025.csv", ',');
  ASSERT_EQ(inei.rows.size(), 1891u);
  const std::size_t code = inei.column("ubigeo");
  const NationalTables tables = NationalTables::load(kSharedData);
  Parallelism parallel(1);
  std::size_t built = 0;
  for (const auto& row : inei.rows) {
    CityConfig city;
    city.name = row[code];
    city.sampling = 500;  // coarse: a few agents per district
    city.districts = tables.districts(row[code]).districts;
    ASSERT_EQ(city.districts.size(), 1u) << row[code];
    const City built_city = build_synthetic_city(city, 1, parallel);
    ASSERT_GE(built_city.citizens.size(), 1u) << row[code];
    ++built;
  }
  EXPECT_EQ(built, 1891u);
}

TEST(NationalTables, ARunRecordsWhereItsValuesCameFrom) {
  REQUIRE_SHARED_DATA("peru-districts");
  Scenario scenario = load_scenario_text("name: x\ndays: 2\ncity: {name: Arequipa, ubigeo: \"0401\", sampling: 50}\n",
                                         "ubigeo.yaml", ".", {"data_dir=\"" + kSharedData.string() + "\""});
  Simulation simulation(std::move(scenario), 1);
  simulation.run();
  EXPECT_EQ(simulation.city().districts.size(), 29u);
  const OutputContent content = simulation.output();
  bool recorded = false;
  for (const auto& [key, value] : content.meta.text_attrs)
    recorded |= key == "district_data" && value.find("INEI") != std::string::npos;
  EXPECT_TRUE(recorded);
  EXPECT_NE(content.resolved_yaml.find("Cerro Colorado"), std::string::npos)
      << "the resolved scenario lists the districts";
}

}  // namespace
}  // namespace munisim
