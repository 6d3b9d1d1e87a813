#include "sim/data/detail/json_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace munisim::detail {

std::string read_json_text(const std::filesystem::path& file, const std::string& expected) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string(), 0, 0}, "", "cannot be read; expected " + expected);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

void throw_json_syntax_error(const std::filesystem::path& file, const std::string& text,
                             const nlohmann::json::parse_error& error, const std::string& expected) {
  // nlohmann counts the bytes read up to and including the offending one, and repeats that
  // position in its message before ": "; the location goes in front instead, as line and column.
  const std::size_t offset = std::min<std::size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
  const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;  // npos + 1 == 0
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
  const std::string what = error.what();
  const std::size_t colon = what.find(": ");
  throw InputError(
      {file.string(), static_cast<int>(line), static_cast<int>(offset - line_start) + 1}, "",
      "is not JSON (" + (colon == std::string::npos ? what : what.substr(colon + 2)) + "); expected " + expected);
}

}  // namespace munisim::detail
