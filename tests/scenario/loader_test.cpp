#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace munisim {
namespace {

std::filesystem::path good(const std::string& name) {
  return std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/scenario/good" / name;
}

TEST(Loader, ReadsEveryKindOfFieldAndFillsDefaults) {
  const Scenario scenario = load_scenario(good("base.yaml"));
  const ScenarioConfig& config = scenario.config;
  EXPECT_EQ(config.name, "base");
  EXPECT_EQ(config.start_date, (Date{2025, 3, 1}));
  EXPECT_EQ(config.days, 10);
  EXPECT_EQ(config.city.sampling, 2);
  ASSERT_EQ(config.city.districts.size(), 2u);
  EXPECT_EQ(config.city.districts[0].ubigeo, "010101");
  EXPECT_DOUBLE_EQ(config.city.districts[0].poverty_share, 0.2);
  EXPECT_EQ(config.city.districts[0].income_level, "middle");  // default
  EXPECT_EQ(config.city.districts[1].households, 150);
  EXPECT_DOUBLE_EQ(config.city.network.block_m, 200);
  EXPECT_EQ(config.city.network.arterial_every, StreetNetworkConfig{}.arterial_every);
  EXPECT_EQ(config.city.facilities.at(0).position, "centre");
  EXPECT_EQ(config.city.population.age_group_shares, PopulationConfig{}.age_group_shares);
  EXPECT_EQ(config.city.population.digital_access_by_income, (std::vector<double>{0.5, 0.7, 0.9}));
  EXPECT_NE(scenario.text.find("A small valid scenario"), std::string::npos) << "text is kept as written";
}

TEST(Loader, ExtendsMergesMappingsAndReplacesLists) {
  const ScenarioConfig variant = load_scenario(good("variant.yaml")).config;
  EXPECT_EQ(variant.name, "base");                      // from the base
  EXPECT_EQ(variant.days, 20);                          // overridden
  EXPECT_DOUBLE_EQ(variant.city.network.block_m, 200);  // sibling key kept by the merge
  EXPECT_EQ(variant.city.network.arterial_every, 3);
  EXPECT_DOUBLE_EQ(variant.city.population.female_share, 0.55);
  EXPECT_EQ(variant.city.population.digital_access_by_income, (std::vector<double>{0.5, 0.7, 0.9}))
      << "a sibling in a merged mapping keeps the base's value";
  EXPECT_EQ(variant.city.districts.size(), 2u);

  const ScenarioConfig second = load_scenario(good("variant_of_variant.yaml")).config;
  EXPECT_EQ(second.name, "second");
  EXPECT_EQ(second.days, 20);                   // two levels up
  ASSERT_EQ(second.city.districts.size(), 1u);  // the list was replaced, not merged
  EXPECT_EQ(second.city.districts[0].name, "Gamma");
  EXPECT_EQ(second.city.districts[0].households, 0) << "no value leaks from the replaced list";
}

TEST(Loader, OverridesReachScalarsListEntriesAndLists) {
  const ScenarioConfig config =
      load_scenario(good("base.yaml"),
                    {"city.sampling=10", "days=3", "city.districts[1].population=900",
                     "city.population.age_group_shares=[0.2, 0.2, 0.2, 0.2, 0.2]", "city.network={block_m: 150}"})
          .config;
  EXPECT_EQ(config.city.sampling, 10);
  EXPECT_EQ(config.days, 3);
  EXPECT_EQ(config.city.districts[1].population, 900);
  EXPECT_DOUBLE_EQ(config.city.population.age_group_shares[4], 0.2);
  EXPECT_DOUBLE_EQ(config.city.network.block_m, 150);
}

struct BadOverride {
  std::string assignment;
  std::string message;
};

class BadOverrides : public ::testing::TestWithParam<BadOverride> {};

TEST_P(BadOverrides, AreReportedAsSetErrors) {
  try {
    (void)load_scenario(good("base.yaml"), {GetParam().assignment});
    FAIL() << GetParam().assignment << " was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadOverrides,
    ::testing::Values(
        BadOverride{"city.samplng=3", "--set: city.samplng: unknown key 'samplng'; did you mean 'sampling'?"},
        BadOverride{"city.sampling=0", "--set: city.sampling: 0 is not in [1, 100000]"},
        BadOverride{"city.sampling", "--set: city.sampling: expected key.path=value"},
        BadOverride{"city.districts[7].population=1", "--set: city.districts: has 2 entries; index 7 does not exist"},
        BadOverride{"city.districts.population=1",
                    "--set: city.districts: is a list; name an entry like city.districts[0]"},
        BadOverride{"days.value=1", "--set: days: is a single value; it has no entries or keys below it"},
        BadOverride{"city..name=x", "--set: city..name: is not a key path; expected e.g. city.districts[0].population"},
        BadOverride{"days=[1", "--set: days: the value is not valid YAML: end of sequence flow not found"},
        BadOverride{"city.districts[0].households=5000",
                    "--set: city.districts[0].households: exceeds population; expected at most population"},
        BadOverride{"city.districts=[]",
                    "--set: city.districts: has 0 entries; expected at least 1, or districts named by city.ubigeo"},
        BadOverride{"city.population.age_group_shares=[0.5, x]",
                    "--set: city.population.age_group_shares[1]: expected a number, got 'x'"},
        BadOverride{"city.network={block: 100}",
                    "--set: city.network.block: unknown key 'block'; did you mean 'block_m'?"}));

TEST(Loader, ResolvedYamlRoundTrips) {
  const Scenario first = load_scenario(good("variant_of_variant.yaml"), {"city.population.female_share=0.123456789"});
  const Scenario second = load_scenario_text(first.resolved_yaml(), "resolved.yaml", ".");
  EXPECT_EQ(second.resolved_yaml(), first.resolved_yaml());
  EXPECT_DOUBLE_EQ(second.config.city.population.female_share, 0.123456789);
  EXPECT_EQ(to_yaml(second.config), first.resolved_yaml());
}

TEST(Loader, FileAndTextInputGiveTheSameResult) {
  const std::vector<std::string> overrides{"seed=9"};
  const Scenario from_file = load_scenario(good("variant.yaml"), overrides);
  const Scenario from_text = load_scenario_text(from_file.text, "variant", good("").parent_path(), overrides);
  EXPECT_EQ(from_text.resolved_yaml(), from_file.resolved_yaml());
  EXPECT_EQ(from_text.text, from_file.text);
}

TEST(Loader, TextInputResolvesExtendsFromItsBaseDirectory) {
  const Scenario scenario = load_scenario_text("extends: base.yaml\nseed: 77\n", "notebook", good("").parent_path());
  EXPECT_EQ(scenario.config.seed, 77);
  EXPECT_EQ(scenario.config.city.districts.size(), 2u);
  EXPECT_EQ(scenario.source, "notebook");
}

TEST(Loader, MissingFileIsAnInputError) { EXPECT_THROW((void)load_scenario("no/such/scenario.yaml"), InputError); }

TEST(Loader, ShippedScenariosLoad) {
  for (const char* name : {"demo.yaml", "trujillo.yaml", "arequipa.yaml"}) {
    const Scenario scenario = load_scenario(std::filesystem::path(MUNISIM_SOURCE_DIR) / "scenarios" / name);
    EXPECT_FALSE(scenario.config.city.districts.empty()) << name;
  }
}

}  // namespace
}  // namespace munisim
