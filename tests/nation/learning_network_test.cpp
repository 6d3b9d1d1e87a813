// The learning network's rule on hand-built cases: hazards of 0 and 1, and one of 1/2 drawn from the
// documented stream.
#include <gtest/gtest.h>

#include "sim/core/rng.hpp"
#include "sim/nation/learning_network.hpp"
#include "tests/nation/three_municipalities.hpp"

namespace munisim::nation::test {
namespace {

NationConfig network_config(double learn, double imitate, double coerce) {
  NationConfig config;
  LearningNetworkConfig& network = config.learning_network;
  network.enabled = true;
  network.edges = {{"130101", "130102"}, {"130102", "130201"}};
  network.period_days = 10;
  network.practices = {"complaint_app", "composting"};
  network.base_hazard = 0;
  network.beta_learn = learn;
  network.beta_imitate = imitate;
  network.beta_coerce = coerce;
  return config;
}

void use(MunicipalityReport& report, const std::string& kind, const std::string& name) {
  report.practices.push_back({kind, name});
}

TEST(LearningNetwork, LearningFromASuccessfulPeerWithHazardOne) {
  World world(network_config(1, 0, 0));
  use(world.reports[0], "mechanism", "complaint_app");
  world.reports[0].satisfaction = 0.6;
  world.reports[1].satisfaction = 0.4;  // peers: Trujillo (uses it, better) and Ascope: S = 1/2
  world.reports[2].satisfaction = 0.9;  // peer: El Porvenir, which does not use it: S = 0
  for (int day = 0; day < 9; ++day) {
    world.exchange(day);
    for (const Letter& letter : world.letters) EXPECT_TRUE(letter.adopt.empty()) << "not a look day";
  }
  world.exchange(9);
  const auto& network = world.config.learning_network;
  LearningNetwork rule(network, world.profiles, 7);
  EXPECT_DOUBLE_EQ(rule.hazard(1, 0, world.reports), 0.5);
  EXPECT_DOUBLE_EQ(rule.hazard(2, 0, world.reports), 0.0);
  const bool drawn = RandomStream(7, 130102, 9, stream_purpose("nation.learning")).uniform() < 0.5;
  EXPECT_EQ(world.letters[1].adopt.size(), drawn ? 1u : 0u);
  EXPECT_TRUE(world.letters[0].adopt.empty()) << "already uses it";
  EXPECT_TRUE(world.letters[2].adopt.empty()) << "hazard 0";
  if (drawn) {
    EXPECT_EQ(world.letters[1].adopt[0].kind, "mechanism");
  }
  EXPECT_EQ(world.value("nation_practice_users", 9, 0), 1);
  EXPECT_EQ(world.value("nation_practice_adoptions", 9, 0), drawn ? 1 : 0);

  // Trujillo as El Porvenir's only peer: S = 1, hazard 1, adoption certain.
  NationConfig only_peer = network_config(1, 0, 0);
  only_peer.learning_network.edges = {{"130101", "130102"}};
  World certain(only_peer);
  certain.reports = world.reports;
  for (int day = 0; day < 10; ++day) certain.exchange(day);
  ASSERT_EQ(certain.letters[1].adopt.size(), 1u);
  EXPECT_EQ(certain.letters[1].adopt[0].name, "complaint_app");
}

TEST(LearningNetwork, ImitationOfALargerPeerAndCoercionFromTheCentre) {
  World world(network_config(0, 1, 0));
  use(world.reports[1], "plan_measure", "composting");  // El Porvenir (100000) uses it
  for (int day = 0; day < 10; ++day) world.exchange(day);
  ASSERT_EQ(world.letters[2].adopt.size(), 1u) << "Ascope imitates its larger peer";
  EXPECT_EQ(world.letters[2].adopt[0].kind, "plan_measure");
  EXPECT_EQ(world.letters[2].adopt[0].name, "composting");
  EXPECT_TRUE(world.letters[0].adopt.empty()) << "Trujillo's peer is smaller";

  NationConfig coerced = network_config(0, 0, 1);
  coerced.learning_network.incentivised = {"complaint_app"};
  World centre(coerced);
  for (int day = 0; day < 10; ++day) centre.exchange(day);
  for (const Letter& letter : centre.letters) {
    ASSERT_EQ(letter.adopt.size(), 1u);
    EXPECT_EQ(letter.adopt[0].name, "complaint_app");
  }
}

TEST(LearningNetwork, BuiltGraphJoinsAProvinceAndSimilarCitiesOfADepartment) {
  LearningNetworkConfig config;
  config.max_population_ratio = 10;
  const auto profiles = three_municipalities();
  const LearningNetwork network(config, profiles, 1);
  // Same province: Trujillo and El Porvenir. Ascope is 50x smaller than El Porvenir: not a peer.
  EXPECT_EQ(network.peers()[0], std::vector<std::size_t>{1});
  EXPECT_EQ(network.peers()[1], std::vector<std::size_t>{0});
  EXPECT_TRUE(network.peers()[2].empty());
  config.max_population_ratio = 50;
  EXPECT_EQ(LearningNetwork(config, profiles, 1).peers()[2], std::vector<std::size_t>{1});
}

TEST(LearningNetwork, EdgeToAnUnknownMunicipalityIsAnInputError) {
  NationConfig config = network_config(1, 0, 0);
  config.learning_network.edges.push_back({"130101", "070101"});
  try {
    World world(config);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.key_path(), "nation.learning_network.edges[2].to");
  }
}

}  // namespace
}  // namespace munisim::nation::test
