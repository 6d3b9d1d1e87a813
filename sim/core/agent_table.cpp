#include "sim/core/agent_table.hpp"

#include <numeric>

namespace munisim {

AgentId AgentTable::add(std::size_t n) {
  const AgentId first = issued_;
  if (!ids_are_rows_) {
    row_of_.resize(first + n);
    std::iota(row_of_.begin() + static_cast<std::ptrdiff_t>(first), row_of_.end(), size_);
    ids_.resize(size_ + n);
    std::iota(ids_.begin() + static_cast<std::ptrdiff_t>(size_), ids_.end(), first);
  }
  issued_ += n;
  size_ += n;
  for (Column& column : columns_) {
    std::visit([&](auto& values) { values.resize(size_); }, column.values);
  }
  return first;
}

void AgentTable::keep_id_maps() {
  if (!ids_are_rows_) return;
  ids_.resize(size_);
  std::iota(ids_.begin(), ids_.end(), AgentId{0});
  row_of_.resize(issued_);
  std::iota(row_of_.begin(), row_of_.end(), std::size_t{0});
  ids_are_rows_ = false;
}

void AgentTable::remove(AgentId id) {
  const std::size_t row = row_of(id);
  keep_id_maps();
  const std::size_t last = size_ - 1;
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
  --size_;
}

bool AgentTable::contains(AgentId id) const {
  if (ids_are_rows_) return id < size_;
  return id < row_of_.size() && row_of_[id] != kRemoved;
}

std::size_t AgentTable::row_of(AgentId id) const {
  if (!contains(id)) throw Error("no agent with id " + std::to_string(id));
  return ids_are_rows_ ? id : row_of_[id];
}

AgentId AgentTable::id_of(std::size_t row) const {
  if (row >= size_) throw Error("no row " + std::to_string(row) + " in a table of " + std::to_string(size_) + " agents");
  return ids_are_rows_ ? row : ids_[row];
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
