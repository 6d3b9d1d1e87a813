#include "sim/core/agent_table.hpp"

#include <gtest/gtest.h>

#include "sim/core/state_archive.hpp"

namespace munisim {
namespace {

AgentTable people(std::size_t n) {
  AgentTable table;
  table.add_column<std::uint32_t>("age");
  table.add_column<double>("weight");
  table.add(n);
  auto age = table.column<std::uint32_t>("age");
  for (std::size_t row = 0; row < n; ++row) age[row] = static_cast<std::uint32_t>(100 + row);
  return table;
}

TEST(AgentTable, AddGivesConsecutiveIdsAndZeroedColumns) {
  AgentTable table = people(3);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(table.add(2), 3u);
  EXPECT_EQ(table.column<double>("weight").size(), 5u);
  EXPECT_EQ(table.column<double>("weight")[4], 0.0);
  table.add_column<std::uint8_t>("late");  // a column added later has a value for every agent
  EXPECT_EQ(table.column<std::uint8_t>("late").size(), 5u);
}

TEST(AgentTable, RemovalKeepsIdsStableAndColumnsAligned) {
  AgentTable table = people(5);
  table.remove(1);
  EXPECT_EQ(table.size(), 4u);
  EXPECT_FALSE(table.contains(1));
  EXPECT_THROW((void)table.row_of(1), Error);
  for (AgentId id : {0u, 2u, 3u, 4u}) {
    const std::size_t row = table.row_of(id);
    EXPECT_EQ(table.id_of(row), id);
    EXPECT_EQ(table.column<std::uint32_t>("age")[row], 100 + id) << "id " << id;
  }
  EXPECT_EQ(table.add(1), 5u);  // ids are never reused
}

TEST(AgentTable, IdsAreRowsUntilARemovalAndStayStableAcrossIt) {
  AgentTable table = people(4);
  EXPECT_EQ(table.add(2), 4u);
  for (AgentId id = 0; id < 6; ++id) {
    EXPECT_EQ(table.row_of(id), id);
    EXPECT_EQ(table.id_of(id), id);
  }
  EXPECT_FALSE(table.contains(6));
  EXPECT_THROW((void)table.id_of(6), Error);
  table.remove(5);  // the last row: no row moves
  table.remove(0);  // the last row (id 4) moves into row 0
  EXPECT_EQ(table.size(), 4u);
  EXPECT_EQ(table.id_of(0), 4u);
  EXPECT_EQ(table.row_of(4), 0u);
  EXPECT_EQ(table.add(1), 6u);  // after removals too, ids continue from those ever issued
  EXPECT_EQ(table.row_of(6), 4u);
  EXPECT_THROW((void)table.id_of(5), Error);
  EXPECT_FALSE(table.contains(5));
}

// A checkpoint restores the same ids, rows and next id, whether or not an agent was removed.
TEST(AgentTable, CheckpointRestoresIdsRowsAndTheNextId) {
  for (const bool removed : {false, true}) {
    AgentTable table = people(5);
    if (removed) table.remove(1);
    StateWriter writer;
    SaveArchive save(writer);
    save(table);
    const std::vector<unsigned char> bytes = writer.take();
    AgentTable back;
    StateReader reader(bytes, "table");
    LoadArchive load(reader);
    load(back);
    reader.finish();
    ASSERT_EQ(back.size(), table.size()) << "removed " << removed;
    for (std::size_t row = 0; row < table.size(); ++row) {
      EXPECT_EQ(back.id_of(row), table.id_of(row));
      EXPECT_EQ(back.row_of(table.id_of(row)), row);
      EXPECT_EQ(back.column<std::uint32_t>("age")[row], table.column<std::uint32_t>("age")[row]);
    }
    EXPECT_EQ(back.contains(1), !removed);
    EXPECT_EQ(back.add(1), table.add(1));
  }
}

TEST(AgentTable, WrongNameOrTypeIsAnError) {
  AgentTable table = people(1);
  EXPECT_THROW((void)table.column<double>("age"), Error);
  EXPECT_THROW((void)table.column<double>("height"), Error);
  EXPECT_THROW(table.add_column<double>("age"), Error);
}

TEST(AgentTable, ColumnsDescribeThemselvesForBindings) {
  AgentTable table = people(2);
  const auto columns = table.columns();
  ASSERT_EQ(columns.size(), 2u);
  EXPECT_EQ(columns[0].name, "age");
  EXPECT_EQ(columns[0].type, ColumnType::u32);
  EXPECT_EQ(columns[0].size, 2u);
  EXPECT_EQ(static_cast<const std::uint32_t*>(columns[0].data)[1], 101u);
  EXPECT_EQ(columns[1].type, ColumnType::f64);
}

}  // namespace
}  // namespace munisim
