// The series of a finished run, copied out by name, and the bit-for-bit comparison every
// determinism test makes: the same scenario and seed must give the same bytes, not merely close
// values, for any thread count, loop backend or checkpoint resume.
#pragma once

#include <cstring>
#include <string>
#include <vector>

#include "sim/model/simulation.hpp"

namespace munisim::testing {

struct SeriesBits {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;
};

inline SeriesBits all_series(const Simulation& simulation) {
  SeriesBits bits;
  for (const Series& series : simulation.metrics().all()) {
    bits.names.emplace_back(series.spec().name);
    bits.values.emplace_back(series.values().begin(), series.values().end());
  }
  return bits;
}

// The name of the first series whose bytes differ, "the list of series" when the two runs did not
// record the same series, or "" when all are bit-identical.
inline std::string first_differing_series(const SeriesBits& a, const SeriesBits& b) {
  if (a.names != b.names) return "the list of series";
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    // memcmp only on values: an empty series has no storage, and a null pointer is undefined there.
    if (a.values[i].size() != b.values[i].size() ||
        (!a.values[i].empty() &&
         std::memcmp(a.values[i].data(), b.values[i].data(), a.values[i].size() * sizeof(double)) != 0)) {
      return a.names[i];
    }
  }
  return "";
}

}  // namespace munisim::testing
