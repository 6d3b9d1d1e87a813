// libFuzzer target: one input is a scenario, up to three files it may `extends:` and `--set`
// overrides, split at lines "#%" (a YAML comment, so every part stays valid YAML):
//   main scenario  #%  a.yaml  #%  b.yaml  #%  c.yaml  #%  overrides, one per line
// The scenario is loaded, validated and resolved; a bad input must end in InputError, and the
// resolved YAML must load again to itself. Any other exception or signal is a defect.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/loader.hpp"
#include "tests/fuzz/fuzz_expect.hpp"

namespace {

std::vector<std::string_view> split_parts(std::string_view input) {
  constexpr std::string_view kSeparator = "\n#%\n";
  std::vector<std::string_view> parts;
  while (parts.size() < 4) {
    const std::size_t cut = input.find(kSeparator);
    if (cut == std::string_view::npos) break;
    parts.push_back(input.substr(0, cut));
    input.remove_prefix(cut + kSeparator.size());
  }
  parts.push_back(input);
  return parts;
}

std::vector<std::string> override_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    if (end > 0) lines.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts = split_parts({reinterpret_cast<const char*>(data), size});
  munisim::MemoryScenarioFiles files;
  const char* const names[] = {"a.yaml", "b.yaml", "c.yaml"};
  for (std::size_t i = 1; i < parts.size() && i <= 3; ++i) files.add(names[i - 1], std::string(parts[i]));
  const std::vector<std::string> overrides = parts.size() == 5 ? override_lines(parts[4]) : std::vector<std::string>{};
  munisim::Scenario scenario;
  try {
    scenario = munisim::load_scenario_text(parts[0], "fuzz.yaml", "", overrides, files);
  } catch (const munisim::InputError&) {
    return 0;
  } catch (const std::exception& error) {
    munisim::fuzz::expect(false, std::string("bad input ends in InputError, not: ") + error.what());
  }
  // The resolved YAML is the scenario written in full: it must load, and to the same text.
  try {
    const munisim::Scenario again =
        munisim::load_scenario_text(scenario.resolved_yaml(), "resolved.yaml", "", {}, files);
    munisim::fuzz::expect(again.resolved_yaml() == scenario.resolved_yaml(), "the resolved YAML loads again to itself");
  } catch (const std::exception& error) {
    munisim::fuzz::expect(false, std::string("the resolved YAML loads again, but: ") + error.what());
  }
  return 0;
}
