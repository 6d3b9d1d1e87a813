// Every series the demo scenario recorded before the exchange redesign is bit-identical to its
// recorded checksum, at 1 and 2 threads: a refactoring that changes a single bit of a result fails
// here. Series added later are not listed, so they do not fail it.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/model/simulation.hpp"

namespace munisim {
namespace {

// FNV-1a 64 over the doubles' bytes, day-major as the registry stores them (little-endian hosts).
std::uint64_t fnv1a(std::span<const double> values) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (double value : values) {
    unsigned char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    for (unsigned char byte : bytes) hash = (hash ^ byte) * 0x100000001b3ULL;
  }
  return hash;
}

std::map<std::string, std::string> golden() {
  std::ifstream file(std::string(MUNISIM_SOURCE_DIR) + "/tests/integration/golden/demo_series_fnv1a.txt");
  std::map<std::string, std::string> sums;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, sum;
    fields >> name >> sum;
    sums[name] = sum;
  }
  return sums;
}

TEST(SeriesIdentity, DemoSeriesMatchTheirRecordedChecksumsAtAnyThreadCount) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // The sums are of the optimised build, whose household waste draws run through libmvec's vector
  // log, exp, sin and cos (sim/core/vector_draws.cpp); instrumented code calls the scalar libm
  // functions there, which differ in the last bits. Thread counts are compared within one build by
  // the Determinism tests, which do run under the sanitizers.
  GTEST_SKIP() << "checksums recorded from the uninstrumented build (libmvec draws)";
#endif
  const std::map<std::string, std::string> expected = golden();
  ASSERT_FALSE(expected.empty());
  for (int threads : {1, 2}) {
    Simulation simulation(load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml"), threads);
    simulation.run();
    std::map<std::string, std::string> actual;
    for (const Series& series : simulation.metrics().all()) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(series.values())));
      actual[series.spec().name] = hex;
    }
    for (const auto& [name, sum] : expected) {
      ASSERT_TRUE(actual.contains(name)) << name << " is no longer recorded";
      EXPECT_EQ(actual[name], sum) << name << " changed (threads " << threads << ")";
    }
  }
}

}  // namespace
}  // namespace munisim
