#include "sim/report/quantity_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/thousands.hpp"

namespace munisim {
namespace {

constexpr const char* kMinus = "\u2212";

// Decimals by size: integers from 1,000, then one, two, or three significant digits below 1.
int decimals_for(double magnitude) {
  if (magnitude >= 1000) return 0;
  if (magnitude >= 100) return 1;
  if (magnitude >= 1) return 2;
  return std::min(6, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
}

std::string format_magnitude(double magnitude, int decimals) {
  char digits[512];  // room for the largest double without an exponent
  std::snprintf(digits, sizeof digits, "%.*f", decimals, magnitude);
  return with_thousands_separators(digits);
}

// Per cent with one decimal from 10 %, two below: shares in a report rarely need more.
std::string format_percent(double percent) {
  if (percent == 0) return "0";
  const double magnitude = std::abs(percent);
  const std::string digits = format_magnitude(magnitude, magnitude >= 10 ? 1 : 2);
  return (percent < 0 && digits.find_first_not_of("0.,") != std::string::npos ? kMinus : "") + digits;
}

bool is_share(const std::string& unit) { return unit == "1"; }
bool is_soles(const std::string& unit) { return unit == "soles"; }

}  // namespace

std::string format_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (magnitude == 0) return "0";
  const std::string digits = format_magnitude(magnitude, decimals_for(magnitude));
  // A value that rounds to zero keeps no sign.
  return (value < 0 && digits.find_first_not_of("0.,") != std::string::npos ? kMinus : "") + digits;
}

std::string display_unit(const std::string& unit) {
  if (is_share(unit)) return "%";
  if (unit == "tco2e" || unit == "tCO2e") return "tCO2e";
  return unit;
}

std::string format_quantity(double value, const std::string& unit) {
  if (!std::isfinite(value)) return "n/a";
  if (is_share(unit)) return format_percent(100 * value) + " %";
  if (is_soles(unit)) return "S/ " + format_number(value);
  const std::string shown = display_unit(unit);
  return shown.empty() ? format_number(value) : format_number(value) + " " + shown;
}

std::string format_difference(double difference, const std::string& unit) {
  if (!std::isfinite(difference)) return "n/a";
  const std::string sign = difference > 0 ? "+" : "";
  if (is_share(unit)) {
    const std::string points = format_percent(100 * difference);
    return (points.find_first_not_of("0.,") == std::string::npos ? "0" : sign + points) + " pp";
  }
  const std::string number = format_number(difference);
  const std::string signed_number = number == "0" ? number : sign + number;
  if (is_soles(unit)) return "S/ " + signed_number;
  const std::string shown = display_unit(unit);
  return shown.empty() ? signed_number : signed_number + " " + shown;
}

std::string format_relative_change(double value, double baseline) {
  if (baseline == 0 || !std::isfinite(value) || !std::isfinite(baseline)) return "n/a";
  const double percent = 100 * (value - baseline) / std::abs(baseline);
  const std::string digits = format_percent(percent);
  if (digits.find_first_not_of("0.,") == std::string::npos) return "0 %";
  return (percent > 0 ? "+" : "") + digits + " %";
}

}  // namespace munisim
