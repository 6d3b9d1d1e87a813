// Applies parsed mappings onto config structs through their visit() descriptions: unknown and
// duplicate keys, types, ranges and list shapes are checked here. A mapping updates only the keys
// it names (so `extends:` layers merge), a list replaces the whole list. Private to sim/scenario.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/detail/read_context.hpp"
#include "sim/scenario/detail/values.hpp"

namespace munisim::scenario_detail {

// The keys a struct accepts, in declaration order.
class KeyCollector {
 public:
  std::vector<std::string> keys;
  template <class T>
  void field(std::string_view key, T&, const schema::Field&) {
    keys.emplace_back(key);
  }
  template <class S>
  void object(std::string_view key, S&, const schema::Field&) {
    keys.emplace_back(key);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>&, const schema::Field&) {
    keys.emplace_back(key);
  }
};

template <class S>
std::vector<std::string> key_names() {
  S instance{};
  KeyCollector collector;
  instance.visit(collector);
  return collector.keys;
}

// "unknown key 'samplng'; did you mean 'sampling'?", or the allowed keys when none is close.
[[noreturn]] void fail_unknown_key(const SourceLocation& where, const std::string& path, const std::string& key,
                                   const std::vector<std::string>& allowed);

// Every key of the mapping `node` must be allowed (or be `extra_key`, e.g. `extends` at a file's
// root) and appear once.
void check_keys(const Node& node, const std::string& path, const std::vector<std::string>& allowed,
                std::string_view extra_key);

template <class S>
void read_mapping(ReadContext& context, const Node& node, const std::string& path, S& target,
                  std::string_view extra_key = {});

template <class T>
void read_field(ReadContext& context, const Node& node, const std::string& path, T& value, const schema::Field& field) {
  read_value(node, path, field, value);
  context.given.insert(path);
  context.value_locations[path] = node.where;
}

template <class S>
void read_list(ReadContext& context, const Node& node, const std::string& path, std::vector<S>& values,
               const schema::Field& field) {
  expect_kind(node, Node::Kind::sequence, path);
  check_entry_count(node.values.size(), field, node.where, path);
  context.forget_under(path + "[");
  context.given.insert(path);
  context.value_locations[path] = node.where;
  values.assign(node.values.size(), S{});
  for (std::size_t i = 0; i < values.size(); ++i) {
    read_mapping(context, node.values[i], element_path(path, i), values[i]);
  }
}

class Reader {
 public:
  Reader(ReadContext& context, const Node& node, const std::string& path)
      : context_(context), node_(node), path_(path) {}

  template <class T>
  void field(std::string_view key, T& value, const schema::Field& field) {
    if (const Node* child = node_.find(key)) read_field(context_, *child, child_path(path_, key), value, field);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    if (const Node* child = node_.find(key)) read_mapping(context_, *child, child_path(path_, key), value);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field& field) {
    if (const Node* child = node_.find(key)) read_list(context_, *child, child_path(path_, key), values, field);
  }

 private:
  ReadContext& context_;
  const Node& node_;
  const std::string& path_;
};

template <class S>
void read_mapping(ReadContext& context, const Node& node, const std::string& path, S& target,
                  std::string_view extra_key) {
  expect_kind(node, Node::Kind::mapping, path);
  check_keys(node, path, key_names<S>(), extra_key);
  context.value_locations[path] = node.where;
  Reader reader(context, node, path);
  target.visit(reader);
}

}  // namespace munisim::scenario_detail
