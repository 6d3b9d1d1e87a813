#include "sim/data/csv.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(Csv, QuotesMultilineFieldsAndByteOrderMark) {
  const auto path =
      write("munisim-quotes.csv",
            "\xEF\xBB\xBFid,name,area\n010519,\"San Juan de\n Lopecancha\",88.02\n2,\"a \"\"b\"\", c\",1\n");
  const CsvTable table = read_csv(path, ',');
  EXPECT_EQ(table.header, (std::vector<std::string>{"id", "name", "area"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][1], "San Juan de\n Lopecancha");
  EXPECT_EQ(table.rows[1][1], "a \"b\", c");
  EXPECT_EQ(table.lines, (std::vector<int>{2, 4}));
  EXPECT_EQ(table.column("area"), 2u);
  EXPECT_THROW((void)table.column("nothing"), InputError);
}

TEST(Csv, WrongFieldCountNamesFileAndLine) {
  const auto path = write("munisim-short.csv", "a;b;c\n1;2;3\n4;5\n");
  try {
    (void)read_csv(path, ';');
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("munisim-short.csv:3: has 2 fields; expected 3"), std::string::npos);
  }
}

TEST(Csv, NumbersWithThousandsSeparators) {
  EXPECT_DOUBLE_EQ(parse_number("37,870"), 37870);
  EXPECT_DOUBLE_EQ(parse_number("9,872.60"), 9872.6);
  EXPECT_TRUE(std::isnan(parse_number("NA")));
  EXPECT_TRUE(std::isnan(parse_number("")));
  EXPECT_TRUE(std::isnan(parse_number("ten")));
}

}  // namespace
}  // namespace munisim
