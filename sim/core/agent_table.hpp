// Struct-of-arrays agent tables: an agent is a row, each attribute a contiguous typed column.
// Ids are stable and never reused; rows move when agents are removed. Until the first removal an
// agent's id is its row, so a table keeps no id maps (16 bytes an agent) until it needs them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {

using AgentId = std::uint64_t;

enum class ColumnType { u8, i32, u32, i64, f32, f64 };

// What bindings and writers need to expose a column without knowing its C++ type.
struct ColumnInfo {
  std::string name;
  ColumnType type;
  const void* data;
  std::size_t size;
};

class AgentTable {
 public:
  template <class T>
  void add_column(std::string name) {
    if (find(name) != nullptr) throw Error("column '" + name + "' already exists");
    columns_.push_back({std::move(name), std::vector<T>(size_)});
  }

  // Appends n agents with zeroed attributes; returns the first new id (ids are consecutive).
  AgentId add(std::size_t n);
  // Removes an agent by moving the last row into its place.
  void remove(AgentId id);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] AgentId id_of(std::size_t row) const;
  [[nodiscard]] std::size_t row_of(AgentId id) const;
  [[nodiscard]] bool contains(AgentId id) const;

  template <class T>
  [[nodiscard]] std::span<T> column(std::string_view name) {
    return std::get<std::vector<T>>(checked<T>(name).values);
  }
  template <class T>
  [[nodiscard]] std::span<const T> column(std::string_view name) const {
    return std::get<std::vector<T>>(const_cast<AgentTable*>(this)->checked<T>(name).values);
  }

  [[nodiscard]] std::vector<ColumnInfo> columns() const;

  // Checkpoints (sim/core/state_archive.hpp): every column, ids and rows. The id maps are saved
  // even while ids are rows, so that the layout never depends on whether an agent was removed.
  template <class Archive>
  void persist(Archive& archive) {
    if constexpr (!Archive::loading) keep_id_maps();
    archive(columns_, ids_, row_of_);
    if constexpr (Archive::loading) {
      size_ = ids_.size();
      issued_ = row_of_.size();
      ids_are_rows_ = false;
    }
  }

 private:
  using Values = std::variant<std::vector<std::uint8_t>, std::vector<std::int32_t>, std::vector<std::uint32_t>,
                              std::vector<std::int64_t>, std::vector<float>, std::vector<double>>;
  struct Column {
    std::string name;
    Values values;
  };
  static constexpr std::size_t kRemoved = static_cast<std::size_t>(-1);

  // Fills ids_ and row_of_ from the identity they stood for; nothing once they are kept.
  void keep_id_maps();

  [[nodiscard]] Column* find(std::string_view name);
  template <class T>
  Column& checked(std::string_view name) {
    Column* column = find(name);
    if (column == nullptr) throw Error("no column '" + std::string(name) + "'");
    if (!std::holds_alternative<std::vector<T>>(column->values)) {
      throw Error("column '" + std::string(name) + "' has another element type");
    }
    return *column;
  }

  std::vector<Column> columns_;
  std::size_t size_ = 0;
  AgentId issued_ = 0;  // ids ever issued
  bool ids_are_rows_ = true;         // no agent was removed: the maps below are empty
  std::vector<AgentId> ids_;         // id of each row
  std::vector<std::size_t> row_of_;  // row of each id ever issued, kRemoved once removed
};

}  // namespace munisim
