#include "sim/waste/waste_config.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace munisim {
namespace {

// Checks the count of values and, when expected_sum > 0, their sum.
void check_values(schema::Checks& checks, std::string_view key, const std::vector<double>& values, std::size_t expected,
                  std::string_view what, double expected_sum) {
  if (values.size() != expected) {
    checks.fail(key, "has " + std::to_string(values.size()) + " values; expected " + std::to_string(expected) + " (" +
                         std::string(what) + ")");
    return;
  }
  if (expected_sum <= 0) return;
  double sum = 0;
  for (double value : values) sum += value;
  if (std::abs(sum - expected_sum) > 1e-6) {
    char text[64];
    std::snprintf(text, sizeof text, "values sum to %g; expected %g", sum, expected_sum);
    checks.fail(key, text);
  }
}

}  // namespace

void WasteGenerationConfig::check(schema::Checks& checks) const {
  check_values(checks, "income_factor", income_factor, 3, "low, middle, high", 0);
  check_values(checks, "weekday_factor", weekday_factor, 7, "Monday..Sunday, mean 1", 7.0);
  check_values(checks, "composition", composition, kWasteFractions,
               "organic, paper_cardboard, plastic, glass, metal, other", 1.0);
}

void WasteMeasureConfig::check(schema::Checks& checks) const {
  const bool share = kind == "electric_share" || kind == "cng_share" || kind == "landfill_gas_capture" ||
                     kind == "recycler_formalisation";
  if (share && value > 1) checks.fail("value", "a share must be in [0, 1]");
  if (kind == "fleet_size" && value != std::floor(value)) checks.fail("value", "expected a whole number of trucks");
  if (kind == "collection_days_per_week" && (value < 1 || value > 7 || value != std::floor(value))) {
    checks.fail("value", "expected a whole number of days from 1 to 7");
  }
  if ((kind == "disposal_site" || kind == "composting_plant" || kind == "transfer_station") && site.empty()) {
    checks.fail("site", "expected the name of a facility in city.facilities");
  }
}

}  // namespace munisim
