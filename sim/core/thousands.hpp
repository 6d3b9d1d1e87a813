// Digits grouped by thousands for people: "1234567.5" becomes "1,234,567.5".
#pragma once

#include <string>

namespace munisim {

// `digits` (an unsigned decimal number, as printf writes it) with a comma before each group of
// three integer digits; each caller rounds and signs the number its own way.
[[nodiscard]] std::string with_thousands_separators(std::string digits);

}  // namespace munisim
