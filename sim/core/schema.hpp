// How config structs describe their keys. One parser, one validator, one printer of the resolved
// config and the scenario reference document all walk the same description, so they cannot
// disagree. Nothing here knows YAML: domains include this header, only sim/scenario/ parses.
//
// A config struct has
//   template <class V> void visit(V& v) { v.field("block_m", block_m, {.unit = "m", ...}); ... }
// and optionally
//   void check(schema::Checks& checks) const;   // cross-field rules, reported at their key
// Visitors provide field() for bool, int, std::int64_t, double, std::string, Date,
// std::vector<double> and std::vector<std::string> (min, max and choices apply to each element);
// object() for a nested struct; list() for a sequence of structs (min: fewest entries). A new
// field type is added to sim/scenario/values.cpp, yaml_writer.cpp and reference_doc.cpp at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace munisim::schema {

struct Field {
  std::string_view unit{};                  // "m", "t/yr", "1" for shares in [0,1]; empty for names and codes
  std::string_view meaning{};               // one line for the reference document
  std::optional<double> min{};              // inclusive; for lists of structs: the minimum number of entries
  std::optional<double> max{};              // inclusive
  std::vector<std::string_view> choices{};  // allowed values of a string
  bool required = false;                    // must be given: the struct default is not meaningful
  std::string_view source{};                // where the default comes from, e.g. "FACTS.md §1.1 (MINAM 2022)"
};

// Receives cross-field rule failures; `key` is relative to the struct being checked.
class Checks {
 public:
  virtual ~Checks() = default;
  virtual void fail(std::string_view key, std::string problem) = 0;
};

template <class T>
concept HasChecks = requires(const T& config, Checks& checks) {
  config.check(checks);
};

}  // namespace munisim::schema
