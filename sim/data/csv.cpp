#include "sim/data/csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Appends a record read from the text: the first is the header, the others must match its width.
void add_record(CsvTable& table, std::vector<std::string>&& fields, int line) {
  if (table.header.empty()) {
    table.header = std::move(fields);
    return;
  }
  if (fields.size() != table.header.size()) {
    throw InputError({table.file.string(), line, 0}, "",
                     "has " + std::to_string(fields.size()) + " fields; expected " +
                         std::to_string(table.header.size()) + " as in the header");
  }
  table.rows.push_back(std::move(fields));
  table.lines.push_back(line);
}

}  // namespace

std::size_t CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  throw InputError({file.string(), 1, 0}, "", "has no column '" + name + "'");
}

CsvTable parse_csv(std::string_view text, const std::string& source_name, char delimiter) {
  CsvTable table;
  table.file = source_name;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string> fields(1);
  bool quoted = false;
  bool field_start = true;  // a quote here opens a quoted field
  bool blank = true;        // the record has nothing but carriage returns so far; blank lines are skipped
  int line = 1;
  int first_line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
        if (c == '\n') ++line;  // a quoted field may span lines
      }
    } else if (c == '\n') {
      if (!blank) add_record(table, std::move(fields), first_line);
      fields.assign(1, {});
      field_start = blank = true;
      first_line = ++line;
    } else if (c != '\r') {
      blank = false;
      if (c == '"' && field_start) {
        quoted = true;
      } else if (c == delimiter) {
        fields.emplace_back();
        field_start = true;
        continue;
      } else {
        fields.back() += c;
      }
      field_start = false;
    }
  }
  if (!blank) add_record(table, std::move(fields), first_line);
  if (table.header.empty()) throw InputError({source_name, 1, 1}, "", "is empty; expected a header line");
  return table;
}

CsvTable read_csv(const std::filesystem::path& file, char delimiter) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string(), 0, 0}, "", "cannot read the table");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_csv(text.view(), file.string(), delimiter);
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
