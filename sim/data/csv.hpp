// Reading the public CSV tables munisim imports (INEI, MINAM, ...): quoted fields, a UTF-8 byte
// order mark, any single-character delimiter. Malformed rows are InputErrors naming file and line.
#pragma once

#include <filesystem>
#include <map>
#include <string>
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

// "37,870" -> 37870 and "9,872.60" -> 9872.6 (thousands separators as in MINAM's tables);
// empty or "NA" -> nullopt-like NaN.
[[nodiscard]] double parse_number(const std::string& text);

}  // namespace munisim
