// `--set key.path=value`: walks the config description to the named key and reads the value there
// with the same rules as a file. Private to sim/scenario.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/detail/reader.hpp"

namespace munisim::scenario_detail {

struct PathSegment {
  std::string key;
  std::optional<std::size_t> index;  // key[3]
};

// Splits "city.districts[2].population" into segments; InputError on malformed paths.
[[nodiscard]] std::vector<PathSegment> parse_key_path(const std::string& path);

class OverrideApplier {
 public:
  OverrideApplier(ReadContext& context, const Node& value, const std::vector<PathSegment>& segments,
                  std::size_t position, std::string path)
      : context_(context), value_(value), segments_(segments), position_(position), path_(std::move(path)) {}

  template <class S>
  static void apply(ReadContext& context, const Node& value, const std::vector<PathSegment>& segments,
                    std::size_t position, const std::string& path, S& target) {
    OverrideApplier applier(context, value, segments, position, path);
    target.visit(applier);
    if (!applier.matched_) {
      fail_unknown_key({kOverrideSource, 0, 0}, child_path(path, segments[position].key), segments[position].key,
                       key_names<S>());
    }
  }

  template <class T>
  void field(std::string_view key, T& value, const schema::Field& field) {
    if (!matches(key)) return;
    if (segment().index || !last()) fail("is a single value; it has no entries or keys below it");
    read_field(context_, value_, here(), value, field);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    if (!matches(key)) return;
    if (segment().index) fail("is a mapping, not a list");
    if (last()) {
      read_mapping(context_, value_, here(), value);
    } else {
      apply(context_, value_, segments_, position_ + 1, here(), value);
    }
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field& field) {
    if (!matches(key)) return;
    if (!segment().index) {
      if (!last()) fail("is a list; name an entry like " + here() + "[0]");
      read_list(context_, value_, here(), values, field);
      return;
    }
    const std::size_t index = *segment().index;
    if (index >= values.size()) {
      fail("has " + std::to_string(values.size()) + " entries; index " + std::to_string(index) + " does not exist");
    }
    const std::string entry = element_path(here(), index);
    if (last()) {
      read_mapping(context_, value_, entry, values[index]);
    } else {
      apply(context_, value_, segments_, position_ + 1, entry, values[index]);
    }
  }

 private:
  const PathSegment& segment() const { return segments_[position_]; }
  bool last() const { return position_ + 1 == segments_.size(); }
  std::string here() const { return child_path(path_, segment().key); }
  bool matches(std::string_view key) {
    if (key != segment().key) return false;
    matched_ = true;
    return true;
  }
  [[noreturn]] void fail(const std::string& problem) const {
    throw InputError({kOverrideSource, 0, 0}, here(), problem);
  }

  ReadContext& context_;
  const Node& value_;
  const std::vector<PathSegment>& segments_;
  std::size_t position_;
  std::string path_;
  bool matched_ = false;
};

}  // namespace munisim::scenario_detail
