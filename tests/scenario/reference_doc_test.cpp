// docs/scenario-reference.md must be exactly what the loader describes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

TEST(ScenarioReference, DocumentMatchesTheLoader) {
  const std::string path = std::string(MUNISIM_SOURCE_DIR) + "/docs/scenario-reference.md";
  const std::string generated = scenario_reference_markdown();
  if (const char* update = std::getenv("MUNISIM_UPDATE_DOCS"); update != nullptr && std::string(update) == "1") {
    std::ofstream(path) << generated;
  }
  std::ifstream in(path);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), generated)
      << "docs/scenario-reference.md is out of date: run `build/bin/munisim reference > docs/scenario-reference.md`";
}

TEST(ScenarioReference, ListsEveryKeyWithItsUnit) {
  const std::string text = scenario_reference_markdown();
  for (const char* row : {"| `city.sampling` | integer | persons/agent | 1 | [1, 100000] |",
                          "| `city.districts[].population` | integer | persons | required |",
                          "| `city.districts[].poverty_share` | number | 1 | 0.2 | [0, 1] |",
                          "| `start_date` | date | date | 2025-01-01 |"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row;
  }
}

}  // namespace
}  // namespace munisim
