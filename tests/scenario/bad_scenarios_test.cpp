// Every file in tests/scenario/bad/ must fail to load with the message its first line promises.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> bad_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(MUNISIM_SOURCE_DIR) / "tests/scenario/bad")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string expected_message(const fs::path& file) {
  std::ifstream in(file);
  std::string first_line;
  std::getline(in, first_line);
  const std::string marker = "# expect: ";
  return first_line.starts_with(marker) ? first_line.substr(marker.size()) : "";
}

class BadScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BadScenario, FailsWithTheExpectedMessage) {
  // Paths are given relative to the repository, as a user in its root would type them.
  fs::current_path(MUNISIM_SOURCE_DIR);
  const fs::path file = fs::path("tests/scenario/bad") / GetParam();
  const std::string expected = expected_message(file);
  ASSERT_FALSE(expected.empty()) << file << " needs a first line '# expect: <message>'";
  try {
    (void)load_scenario(file);
    FAIL() << file << " loaded without error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Files, BadScenario, ::testing::ValuesIn(bad_files()),
                         [](const ::testing::TestParamInfo<std::string>& file) {
                           return file.param.substr(0, file.param.size() - 5);
                         });

TEST(BadScenarios, ThereAreAtLeastTwentyFour) { EXPECT_GE(bad_files().size(), 24u); }

}  // namespace
}  // namespace munisim
