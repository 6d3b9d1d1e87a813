// Reading the public CSV tables munisim imports (INEI, MINAM, GTFS feeds, ...): quoted fields, a
// UTF-8 byte order mark, CRLF line ends, any single-character delimiter. Malformed rows are
// InputErrors naming file and line.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace munisim {

struct CsvTable {
  std::filesystem::path file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  // source line of each row, for messages

  // Column index by header name; InputError when the file lacks it.
  [[nodiscard]] std::size_t column(const std::string& name) const;
};

[[nodiscard]] CsvTable read_csv(const std::filesystem::path& file, char delimiter);

// The same for text read from elsewhere (a member of a zip archive); source_name stands for the
// file in CsvTable::file and in messages. A quote opens a quoted field only at the field's start;
// elsewhere it is kept as written, as in GTFS route names like C-01 "B".
[[nodiscard]] CsvTable parse_csv(std::string_view text, const std::string& source_name, char delimiter);

// "37,870" -> 37870 and "9,872.60" -> 9872.6 (thousands separators as in MINAM's tables);
// empty or "NA" -> nullopt-like NaN.
[[nodiscard]] double parse_number(const std::string& text);

}  // namespace munisim
