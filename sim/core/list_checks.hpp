// Cross-field rules on lists of numbers that config structs share: how many values a list holds
// (one per weekday, income group, mode, ...) and what they add up to (shares to 1).
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/schema.hpp"

namespace munisim::schema {

// Fails `key` unless `values` has `expected` entries, which `what` names; returns whether it has.
inline bool check_count(Checks& checks, std::string_view key, const std::vector<double>& values, std::size_t expected,
                        std::string_view what) {
  if (values.size() == expected) return true;
  checks.fail(key, "has " + std::to_string(values.size()) + " values; expected " + std::to_string(expected) + " (" +
                       std::string(what) + ")");
  return false;
}

// Fails `key` unless `values` add up to `expected_sum` within 1e-6.
inline void check_sum(Checks& checks, std::string_view key, const std::vector<double>& values, double expected_sum) {
  double sum = 0;
  for (double value : values) sum += value;
  if (std::abs(sum - expected_sum) <= 1e-6) return;
  char text[64];
  std::snprintf(text, sizeof text, "values sum to %g; expected %g", sum, expected_sum);
  checks.fail(key, text);
}

}  // namespace munisim::schema
