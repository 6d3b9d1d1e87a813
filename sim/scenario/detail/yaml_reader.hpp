// Applies YAML mappings onto config structs through their visit() descriptions: unknown and
// duplicate keys, types, ranges and list shapes are checked here. A mapping updates only the keys
// it names (so `extends:` layers merge), a list replaces the whole list. Private to sim/scenario.
#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

#include "sim/scenario/detail/read_context.hpp"
#include "sim/scenario/detail/yaml_values.hpp"
#include "sim/scenario/suggest.hpp"

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

[[noreturn]] void fail_unknown_key(const SourceLocation& where, const std::string& path, const std::string& key,
                                   const std::vector<std::string>& allowed);

// Every key in `node` must be allowed (plus `extra_key`, e.g. `extends` at a file's root) and
// appear once.
void check_keys(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
                const std::vector<std::string>& allowed, std::string_view extra_key);

template <class S>
void read_mapping(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
                  S& target, std::string_view extra_key = {});

template <class T>
void read_into(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
               T& value, const schema::Field& field) {
  // An empty value ("days:") has no position of its own: point at its key instead.
  const auto key = context.key_locations.find(path);
  const bool use_key = node.IsNull() && key != context.key_locations.end();
  value = read_value(ValueSite{file, path, use_key ? key->second : location_of(file, node)}, node, field, value);
  context.given.insert(path);
  context.value_locations[path] = location_of(file, node);
}

template <class S>
void read_list_into(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
                    std::vector<S>& values, const schema::Field& field) {
  if (!node.IsSequence()) {
    throw InputError(location_of(file, node), path, "expected a list, got " + describe(node));
  }
  if (field.min && static_cast<double>(node.size()) < *field.min) {
    throw InputError(location_of(file, node), path,
                     "has " + std::to_string(node.size()) + " entries; expected at least " +
                         std::to_string(static_cast<long>(*field.min)));
  }
  context.forget_under(path + "[");
  context.given.insert(path);
  context.value_locations[path] = location_of(file, node);
  values.assign(node.size(), S{});
  for (std::size_t i = 0; i < node.size(); ++i) read_mapping(context, file, node[i], element_path(path, i), values[i]);
}

class Reader {
 public:
  Reader(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path)
      : context_(context), file_(file), node_(node), path_(path) {}

  template <class T>
  void field(std::string_view key, T& value, const schema::Field& field) {
    if (const YAML::Node child = node_[std::string(key)]) read_into(context_, file_, child, child_path(path_, key), value, field);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    if (const YAML::Node child = node_[std::string(key)]) read_mapping(context_, file_, child, child_path(path_, key), value);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field& field) {
    if (const YAML::Node child = node_[std::string(key)]) {
      read_list_into(context_, file_, child, child_path(path_, key), values, field);
    }
  }

 private:
  ReadContext& context_;
  const std::string& file_;
  const YAML::Node& node_;
  const std::string& path_;
};

template <class S>
void read_mapping(ReadContext& context, const std::string& file, const YAML::Node& node, const std::string& path,
                  S& target, std::string_view extra_key) {
  if (!node.IsMap()) throw InputError(location_of(file, node), path, "expected a mapping, got " + describe(node));
  check_keys(context, file, node, path, key_names<S>(), extra_key);
  context.value_locations[path] = location_of(file, node);
  Reader reader(context, file, node, path);
  target.visit(reader);
}

}  // namespace munisim::scenario_detail
