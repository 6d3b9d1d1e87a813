// Worlds of several cities (sim/world/world.hpp): the municipalities a world lists, their
// independence when no nation acts, determinism over threads, and the errors of bad world files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sim/core/parallel.hpp"
#include "sim/io/world_output.hpp"
#include "sim/world/world.hpp"
#include "tests/support/input_error.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

// The error's message names `where`, `key` and says `problem`.
template <class Read>
void expect_input_error(Read&& read, const std::string& where, const std::string& key, const std::string& problem) {
  const std::string message = testing::input_error_of(read);
  EXPECT_NE(message.find(where), std::string::npos) << message;
  EXPECT_NE(message.find(key), std::string::npos) << message;
  EXPECT_NE(message.find(problem), std::string::npos) << message;
}

const std::filesystem::path kHere = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/world";

WorldScenario tiny_world(const std::vector<std::string>& overrides = {}) {
  return load_world(kHere / "tiny-world.yaml", overrides);
}

std::unique_ptr<World> run_world(WorldScenario scenario, int threads) {
  std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario);
  auto world = std::make_unique<World>(std::move(scenario), std::move(municipalities), threads, nullptr);
  world->run();
  return world;
}

void expect_same_series(const MetricsRegistry& a, const MetricsRegistry& b) {
  ASSERT_EQ(a.all().size(), b.all().size());
  for (std::size_t s = 0; s < a.all().size(); ++s) {
    const Series& left = a.all()[s];
    const Series& right = b.all()[s];
    ASSERT_EQ(left.spec().name, right.spec().name);
    const auto x = left.values(), y = right.values();
    ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end())) << left.spec().name;
  }
}

TEST(World, CitiesFromScenarioFilesTakeTheWorldsCalendarAndTheirOwnSeeds) {
  const WorldScenario scenario = tiny_world();
  const std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario);
  ASSERT_EQ(municipalities.size(), 3u);
  EXPECT_EQ(municipalities[0].label, "tiny-town");
  EXPECT_EQ(municipalities[1].label, "tiny-town-b");
  EXPECT_EQ(municipalities[2].entry, "cities[2]");
  for (const WorldMunicipality& municipality : municipalities) {
    EXPECT_EQ(municipality.resolved.scenario.config.days, 5);
    EXPECT_EQ(municipality.resolved.scenario.config.seed, city_seed(7, municipality.label));
  }
  EXPECT_NE(municipalities[0].resolved.scenario.config.seed, municipalities[1].resolved.scenario.config.seed);
  EXPECT_DOUBLE_EQ(municipalities[1].profile.population, 12000);
  EXPECT_DOUBLE_EQ(municipalities[2].profile.sampling, 40);
  EXPECT_DOUBLE_EQ(municipalities[0].profile.poverty_share, (0.12 * 6000 + 0.35 * 3000) / 9000);
}

TEST(World, ACitySeedDependsOnlyOnTheWorldSeedAndItsLabel) {
  EXPECT_EQ(city_seed(1, "130101"), city_seed(1, "130101"));
  EXPECT_NE(city_seed(1, "130101"), city_seed(2, "130101"));
  EXPECT_NE(city_seed(1, "130101"), city_seed(1, "130102"));
  EXPECT_LT(city_seed(1, "lima"), std::int64_t{1} << 53);  // a valid scenario seed
}

TEST(World, EachCityRunsAsItWouldAloneWhenNoNationActs) {
  const std::unique_ptr<World> world = run_world(tiny_world(), 2);
  std::vector<WorldMunicipality> municipalities = expand_municipalities(tiny_world());
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    Simulation alone(std::move(municipalities[i].resolved), 1);
    alone.run();
    expect_same_series(world->city(i)->metrics(), alone.metrics());
  }
}

TEST(World, OneAndTwoThreadsGiveTheSameSeries) {
  const std::unique_ptr<World> one = run_world(tiny_world(), 1);
  const std::unique_ptr<World> two = run_world(tiny_world(), 2);
  for (std::size_t i = 0; i < one->labels().size(); ++i) expect_same_series(one->city(i)->metrics(), two->city(i)->metrics());
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The world's series are compressed on the run's threads: the file is the same bytes on any number.
TEST(World, OutputIsTheSameBytesWrittenOnOneOrThreeThreads) {
  const std::unique_ptr<World> world = run_world(tiny_world(), 1);  // the content points into it
  const WorldContent content = world->output();
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / ("munisim-world-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  Parallelism three(3);
  write_world_output(folder / "serial.h5", content, nullptr);
  write_world_output(folder / "three.h5", content, &three);
  const std::string serial = file_bytes(folder / "serial.h5");
  EXPECT_GT(serial.size(), 1000u);
  EXPECT_TRUE(serial == file_bytes(folder / "three.h5"));
  std::filesystem::remove_all(folder);
}

// In one process the output reads each city's series where the city keeps them: no copy of a
// world's series (hundreds of megabytes for Peru) is made to write them.
TEST(World, OutputReadsEachCitysOwnSeries) {
  const std::unique_ptr<World> world = run_world(tiny_world(), 2);
  const WorldContent content = world->output();
  ASSERT_EQ(content.municipalities.size(), world->labels().size());
  for (std::size_t i = 0; i < content.municipalities.size(); ++i) {
    EXPECT_EQ(content.municipalities[i].label, world->labels()[i]);
    EXPECT_EQ(content.municipalities[i].series, &world->city(i)->metrics());
  }
  EXPECT_TRUE(content.received.empty());
}

TEST(World, PartitionPutsTheLargestFirstOnTheLeastLoadedRank) {
  EXPECT_EQ(partition_by_agents({5, 1, 4, 3}, 2), (std::vector<int>{0, 0, 1, 1}));  // 5+1 against 4+3
  EXPECT_EQ(partition_by_agents({2, 2, 2}, 1), (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(partition_by_agents({1, 1}, 3), (std::vector<int>{0, 1}));
}

TEST(World, BadWorldScenariosNameTheirPlace) {
  expect_input_error([] { (void)load_world_text("name: w\ncities: []\n", "w.yaml", kHere); }, "w.yaml:2:9", "cities",
                     "at least 1");
  expect_input_error(
      [] { (void)load_world_text("name: w\ncities:\n  - ubigeo: \"1301\"\n    scenario: a.yaml\n", "w.yaml", kHere); },
      "w.yaml:", "cities[0].", "exactly one of");
  expect_input_error([] { (void)load_world_text("name: w\ncities:\n  - ubigeo: \"130\"\n", "w.yaml", kHere); },
                     "w.yaml:3:", "cities[0].ubigeo", "not a ubigeo");
  expect_input_error([] { (void)load_world_text("name: w\ncitties: []\n", "w.yaml", kHere); }, "w.yaml:2:1", "citties",
                     "did you mean 'cities'");
  // A city with its own calendar: the world's entry is named.
  const WorldScenario mixed = load_world_text(
      "name: w\ndays: 5\ncities:\n  - scenario: ../../scenarios/demo.yaml\n", "w.yaml", kHere);
  expect_input_error([&] { (void)expand_municipalities(mixed); }, "w.yaml:4:15", "cities[0].scenario",
                     "share its calendar");
  const WorldScenario twice =
      load_world_text("name: w\ncities:\n  - scenario: tiny-town.yaml\n  - scenario: tiny-town.yaml\n", "w.yaml", kHere);
  expect_input_error([&] { (void)expand_municipalities(twice); }, "w.yaml:4:", "cities[1]", "already in the world");
}

TEST(World, UnknownUbigeoIsReportedAtItsEntry) {
  REQUIRE_SHARED_DATA("peru-districts");
  const WorldScenario scenario = load_world_text("name: w\ncities:\n  - ubigeo: \"1399\"\n", "w.yaml", kHere,
                                                 {"data_dir=\"" + testing::kSharedData.string() + "\""});
  expect_input_error([&] { (void)expand_municipalities(scenario); }, "w.yaml:3:13", "cities[0].ubigeo",
                     "matches no district");
}

TEST(World, ThreeMunicipalitiesFromUbigeosBuildAndRun) {
  REQUIRE_SHARED_DATA("peru-districts");
  const WorldScenario scenario =
      load_world_text("name: w\ndays: 3\nsampling: 2000\ncities:\n  - ubigeo: \"130101\"\n  - ubigeo: \"080101\"\n"
                      "  - ubigeo: \"130102\"\n",
                      "w.yaml", kHere, {"data_dir=\"" + testing::kSharedData.string() + "\""});
  const std::unique_ptr<World> world = run_world(scenario, 2);
  ASSERT_EQ(world->labels(), (std::vector<std::string>{"130101", "080101", "130102"}));
  EXPECT_TRUE(world->profiles()[0].provincial);
  EXPECT_FALSE(world->profiles()[2].provincial);
  EXPECT_EQ(world->profiles()[0].incentive_type, "A");  // MP Trujillo: among the 74 largest provincial
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_GT(world->profiles()[i].population, 0);
    const Series* generated = world->city(i)->metrics().find("waste_generated_t");
    ASSERT_NE(generated, nullptr);
    EXPECT_GT(generated->get(2, 0), 0);
  }
  const WorldContent content = world->output();
  EXPECT_EQ(content.municipalities.size(), 3u);
  EXPECT_EQ(content.meta_tables.front().name, "municipalities");
}

TEST(World, EveryMunicipalityOfPeruExpandsFromThePeruNationalScenario) {
  REQUIRE_SHARED_DATA("peru-districts");
  const WorldScenario scenario =
      load_world(std::filesystem::path(MUNISIM_SOURCE_DIR) / "scenarios/peru-national.yaml",
                 {"data_dir=\"" + testing::kSharedData.string() + "\""});
  const std::vector<WorldMunicipality> municipalities = expand_municipalities(scenario);
  ASSERT_EQ(municipalities.size(), 1891u);  // FACTS.md §4
  const auto provincial = std::count_if(municipalities.begin(), municipalities.end(),
                                        [](const WorldMunicipality& m) { return m.profile.provincial; });
  EXPECT_EQ(provincial, 196);
  const auto type_a = std::count_if(municipalities.begin(), municipalities.end(),
                                    [](const WorldMunicipality& m) { return m.profile.incentive_type == "A"; });
  EXPECT_EQ(type_a, 74);
}

}  // namespace
}  // namespace munisim
