// A finished run's series by name, and its total over one day (all of the day's cells).
#pragma once

#include <numeric>
#include <stdexcept>
#include <string>

#include "sim/model/simulation.hpp"

namespace munisim::testing {

inline const Series& series(const Simulation& simulation, const std::string& name) {
  const Series* found = simulation.metrics().find(name);
  if (found == nullptr) throw std::runtime_error("no series " + name);
  return *found;
}

inline double day_sum(const Simulation& simulation, const std::string& name, int day) {
  const auto values = series(simulation, name).day(day);
  return std::accumulate(values.begin(), values.end(), 0.0);
}

}  // namespace munisim::testing
