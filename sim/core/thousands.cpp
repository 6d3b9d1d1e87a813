#include "sim/core/thousands.hpp"

#include <cstddef>

namespace munisim {

std::string with_thousands_separators(std::string digits) {
  const std::size_t point = digits.find('.');
  for (auto at = static_cast<std::ptrdiff_t>(point == std::string::npos ? digits.size() : point) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

}  // namespace munisim
