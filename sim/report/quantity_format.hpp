// Numbers as a city team reads them: thousands separators, a fixed number of decimals by size, no
// exponents, shares as percentages, differences with their sign. The report's tables, maps and
// charts all format through here, and tests/web/report.test.mjs checks the same rules.
#pragma once

#include <string>

namespace munisim {

// 1234567.8 -> "1,234,568"; 123.45 -> "123.5"; 1.2345 -> "1.23"; 0.012345 -> "0.0123"; negative
// numbers take a minus sign (U+2212). Not finite: "n/a".
[[nodiscard]] std::string format_number(double value);

// The unit as printed after a number: "1" (a share) is "%", "tco2e" is "tCO2e", others as given.
[[nodiscard]] std::string display_unit(const std::string& unit);

// A value with its unit: "1,234 t", "62.4 %" (unit "1": a share in [0, 1]), "12.30 days",
// "S/ 1,502,130" (soles, the way prices are written in Peru).
[[nodiscard]] std::string format_quantity(double value, const std::string& unit);

// A difference with its sign: "+1,234 t", "−56.0 soles"... shares in percentage points
// ("+1.2 pp"); exactly zero: "0 t" (no sign).
[[nodiscard]] std::string format_difference(double difference, const std::string& unit);

// A relative change in per cent, signed ("+3.2 %"); "n/a" when the baseline is zero.
[[nodiscard]] std::string format_relative_change(double value, double baseline);

}  // namespace munisim
