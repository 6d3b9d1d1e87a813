// Whole-config checks after all layers are applied: required keys that no layer gave, and each
// struct's cross-field rules. Private to sim/scenario.
#pragma once

#include <string>
#include <vector>

#include "sim/core/schema.hpp"
#include "sim/scenario/detail/read_context.hpp"
#include "sim/scenario/detail/values.hpp"

namespace munisim::scenario_detail {

class Validator final : public schema::Checks {
 public:
  Validator(const ReadContext& context, std::string path) : context_(context), path_(std::move(path)) {}

  template <class S>
  static void validate(const ReadContext& context, const std::string& path, S& target) {
    Validator validator(context, path);
    target.visit(validator);
    if constexpr (schema::HasChecks<S>) target.check(validator);
  }

  template <class T>
  void field(std::string_view key, T&, const schema::Field& field) {
    const std::string path = child_path(path_, key);
    if (field.required && !context_.given.contains(path)) {
      const std::string meaning = field.meaning.empty() ? "" : " (" + std::string(field.meaning) + ")";
      throw InputError(context_.nearest(path_), path, "required key is missing" + meaning);
    }
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    validate(context_, child_path(path_, key), value);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field& field) {
    const std::string path = child_path(path_, key);
    check_entry_count(values.size(), field, context_.nearest(path), path);
    for (std::size_t i = 0; i < values.size(); ++i) validate(context_, element_path(path, i), values[i]);
  }

  void fail(std::string_view key, std::string problem) override {
    const std::string path = child_path(path_, key);
    throw InputError(context_.nearest(path), path, std::move(problem));
  }

 private:
  const ReadContext& context_;
  std::string path_;
};

}  // namespace munisim::scenario_detail
