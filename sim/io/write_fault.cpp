#include "sim/io/write_fault.hpp"

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace munisim {
namespace {

constexpr const char* kVariable = "MUNISIM_TEST_KILL_WRITE";

struct KillPoint {
  std::string suffix;
  unsigned long nth = 0;
  std::size_t bytes = 0;
};

template <class Number>
bool parse_number(std::string_view text, Number& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::optional<KillPoint> kill_point_from_environment() {
  const char* value = std::getenv(kVariable);
  if (value == nullptr || *value == '\0') return std::nullopt;
  const std::string_view text(value);
  // The suffix may itself hold colons: the last two fields are the numbers.
  const std::size_t bytes_colon = text.rfind(':');
  const std::size_t nth_colon = bytes_colon == std::string_view::npos || bytes_colon == 0
                                    ? std::string_view::npos
                                    : text.rfind(':', bytes_colon - 1);
  KillPoint point;
  if (nth_colon == std::string_view::npos || !parse_number(text.substr(bytes_colon + 1), point.bytes) ||
      !parse_number(text.substr(nth_colon + 1, bytes_colon - nth_colon - 1), point.nth) || point.nth == 0) {
    throw std::invalid_argument(std::string(kVariable) + ": expected SUFFIX:NTH:BYTES with NTH >= 1, got '" +
                                std::string(text) + "'");
  }
  point.suffix = text.substr(0, nth_colon);
  return point;
}

}  // namespace

std::optional<std::size_t> bytes_before_test_kill(const std::filesystem::path& path) {
  static const std::optional<KillPoint> point = kill_point_from_environment();
  if (!point) return std::nullopt;
  const std::string name = path.string();
  if (!name.ends_with(point->suffix)) return std::nullopt;
  static std::atomic<unsigned long> matching_writes{0};
  if (++matching_writes != point->nth) return std::nullopt;
  return point->bytes;
}

}  // namespace munisim
