#include "sim/core/agent_table.hpp"

#include <numeric>

namespace munisim {

AgentId AgentTable::add(std::size_t n) {
  const AgentId first = row_of_.size();
  const std::size_t first_row = ids_.size();
  row_of_.resize(first + n);
  std::iota(row_of_.begin() + static_cast<std::ptrdiff_t>(first), row_of_.end(), first_row);
  ids_.resize(first_row + n);
  std::iota(ids_.begin() + static_cast<std::ptrdiff_t>(first_row), ids_.end(), first);
  for (Column& column : columns_) {
    std::visit([&](auto& values) { values.resize(ids_.size()); }, column.values);
  }
  return first;
}

void AgentTable::remove(AgentId id) {
  const std::size_t row = row_of(id);
  const std::size_t last = ids_.size() - 1;
  for (Column& column : columns_) {
    std::visit(
        [&](auto& values) {
          values[row] = values[last];
          values.pop_back();
        },
        column.values);
  }
  ids_[row] = ids_[last];
  row_of_[ids_[row]] = row;
  ids_.pop_back();
  row_of_[id] = kRemoved;
}

bool AgentTable::contains(AgentId id) const { return id < row_of_.size() && row_of_[id] != kRemoved; }

std::size_t AgentTable::row_of(AgentId id) const {
  if (!contains(id)) throw Error("no agent with id " + std::to_string(id));
  return row_of_[id];
}

AgentTable::Column* AgentTable::find(std::string_view name) {
  for (Column& column : columns_) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::vector<ColumnInfo> AgentTable::columns() const {
  std::vector<ColumnInfo> infos;
  for (const Column& column : columns_) {
    std::visit(
        [&](const auto& values) {
          using T = typename std::decay_t<decltype(values)>::value_type;
          constexpr ColumnType type = std::is_same_v<T, std::uint8_t>    ? ColumnType::u8
                                      : std::is_same_v<T, std::int32_t>  ? ColumnType::i32
                                      : std::is_same_v<T, std::uint32_t> ? ColumnType::u32
                                      : std::is_same_v<T, std::int64_t>  ? ColumnType::i64
                                      : std::is_same_v<T, float>         ? ColumnType::f32
                                                                         : ColumnType::f64;
          infos.push_back({column.name, type, values.data(), values.size()});
        },
        column.values);
  }
  return infos;
}

}  // namespace munisim
