#include "sim/data/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

std::vector<std::string> split(const std::string& line, char delimiter) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

std::size_t CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  throw InputError({file.string(), 1, 0}, "", "has no column '" + name + "'");
}

CsvTable read_csv(const std::filesystem::path& file, char delimiter) {
  std::ifstream in(file);
  if (!in) throw InputError({file.string(), 0, 0}, "", "cannot read the table");
  CsvTable table;
  table.file = file;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const int first_line = number;
    // A quoted field may span lines: read on while the quotes are unbalanced.
    for (std::string more; std::count(line.begin(), line.end(), '"') % 2 == 1 && std::getline(in, more); ++number) {
      line += "\n" + more;
    }
    if (first_line == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty() || line == "\r") continue;
    std::vector<std::string> fields = split(line, delimiter);
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      throw InputError({file.string(), first_line, 0}, "",
                       "has " + std::to_string(fields.size()) + " fields; expected " +
                           std::to_string(table.header.size()) + " as in the header");
    }
    table.rows.push_back(std::move(fields));
    table.lines.push_back(first_line);
  }
  if (table.header.empty()) throw InputError({file.string(), 1, 1}, "", "is empty; expected a header line");
  return table;
}

double parse_number(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c != ',') digits += c;
  }
  if (digits.empty() || digits == "NA") return std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  const char* end = digits.data() + digits.size();
  auto [stop, error] = std::from_chars(digits.data(), end, value);
  return error == std::errc{} && stop == end ? value : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace munisim
