// docs/scenario-reference.md must be exactly what the loader describes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& committed, const std::string& generated) {
  std::istringstream a(committed);
  std::istringstream b(generated);
  std::string line_a;
  std::string line_b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) return "no difference";
    if (line_a != line_b || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  committed: " + (more_a ? line_a : "(end)") +
             "\n  generated: " + (more_b ? line_b : "(end)");
    }
  }
}

TEST(ScenarioReference, DocumentMatchesTheLoader) {
  const std::string path = std::string(MUNISIM_SOURCE_DIR) + "/docs/scenario-reference.md";
  const std::string generated = scenario_reference_markdown();
  if (const char* update = std::getenv("MUNISIM_UPDATE_DOCS"); update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << generated;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_TRUE(committed.str() == generated)
      << first_difference(committed.str(), generated)
      << "\ndocs/scenario-reference.md differs from scenario_reference_markdown(). Regenerate it with\n"
         "  MUNISIM_UPDATE_DOCS=1 <build>/tests/munisim_scenario_tests --gtest_filter='ScenarioReference.*'\n"
         "(or `munisim reference > docs/scenario-reference.md`) and commit the result.";
}

TEST(ScenarioReference, ListsEveryKeyWithTypeUnitDefaultRangeAndSource) {
  const std::string text = scenario_reference_markdown();
  for (const char* row :
       {"| `city.sampling` | integer | persons/agent | `1` | [1, 100000] | no | 1:k sampling",
        "| `city.districts` | list of mappings |  | `[]` |  | no |",
        "| `city.districts[].population` | integer | persons |  | >= 1 | yes | residents |",
        "| `city.districts[].income_level` | text |  | `\"middle\"` | one of: low, middle, high | no |",
        "| `city.population.age_group_shares` | list of numbers | 1 | `[0.264, 0.243, 0.214, 0.195, 0.084]` | each "
        "[0, 1] | no | shares of age groups 0-14, 15-29, 30-44, 45-64, 65+ (sum 1) | INEI census 2017, Peru [UNV] |",
        "| `seed` | integer |  | `1` | [0, 9007199254740991] |", "| `start_date` | date | date | `2025-01-01` |"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row;
  }
}

}  // namespace
}  // namespace munisim
