// Property tests over small random cities (tests/property/README.md): every day tonnes, soles,
// people and tickets balance, and 1 and 2 threads agree bit for bit. RapidCheck shrinks a failing
// city to a minimal one, which is written as YAML so it can be kept in regressions/ and replayed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <filesystem>
#include <fstream>

#include "balances.hpp"
#include "tiny_city.hpp"

namespace munisim::property {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// RapidCheck runs the failing case again at each step of shrinking, so the file last written holds
// the minimal scenario when the test ends.
std::filesystem::path save_failure(const std::string& yaml) {
  const std::filesystem::path path = std::filesystem::path(MUNISIM_BINARY_DIR) / "property-failure.yaml";
  std::ofstream(path) << yaml;
  return path;
}

RC_GTEST_PROP(TinyCities, BalanceEveryDayAndGiveTheSameSeriesOnOneAndTwoThreads, ()) {
  const TinyCity city = *tiny_cities();
  const std::string yaml = to_scenario_yaml(city);
  const std::vector<std::string> broken = broken_rules(load_scenario_text(yaml, "tiny.yaml", "."));
  if (!broken.empty()) {
    RC_FAIL(joined(broken) + "scenario saved as " + save_failure(yaml).string() +
            " (copy the last one written into tests/property/regressions/)");
  }
}

TEST(TinyCityRegressions, SavedScenariosStillBalanceAndAgree) {
  const std::filesystem::path folder = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/property/regressions";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    EXPECT_EQ(joined(broken_rules(load_scenario(entry.path()))), "") << entry.path();
    ++replayed;
  }
  EXPECT_GT(replayed, 0);
}

TEST(TinyCityScenarios, EveryDrawnCityIsAValidScenario) {
  // The generator's own promise: whatever it draws, the loader accepts.
  rc::check("tiny cities load and validate", [] {
    const std::string yaml = to_scenario_yaml(*tiny_cities());
    try {
      (void)load_scenario_text(yaml, "tiny.yaml", ".");
    } catch (const InputError& error) {
      RC_FAIL(std::string(error.what()) + "\n" + yaml);
    }
  });
}

}  // namespace
}  // namespace munisim::property
