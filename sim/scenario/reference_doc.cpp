// docs/scenario-reference.md and scenario_fields(), generated from the same visit() descriptions the
// loader reads with, so neither can drift from what the loader accepts.
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/scenario/detail/values.hpp"
#include "sim/scenario/detail/yaml_text.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_fields.hpp"
#include "sim/scenario/world_loader.hpp"

namespace munisim {
namespace {

using scenario_detail::number_text;

std::string range_text(const schema::Field& field) {
  if (!field.choices.empty()) {
    std::string text = "one of: ";
    for (std::size_t i = 0; i < field.choices.size(); ++i) text += (i ? ", " : "") + std::string(field.choices[i]);
    return text;
  }
  if (field.min && field.max) return "[" + number_text(*field.min) + ", " + number_text(*field.max) + "]";
  if (field.min) return ">= " + number_text(*field.min);
  if (field.max) return "<= " + number_text(*field.max);
  return "";
}

template <class T>
constexpr std::string_view kTypeName = [] {
  if constexpr (std::is_same_v<T, bool>) return "boolean";
  if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::int64_t>) return "integer";
  if constexpr (std::is_same_v<T, double>) return "number";
  if constexpr (std::is_same_v<T, std::string>) return "text";
  if constexpr (std::is_same_v<T, Date>) return "date";
  if constexpr (std::is_same_v<T, std::vector<double>>) return "list of numbers";
  if constexpr (std::is_same_v<T, std::vector<std::string>>) return "list of texts";
}();

template <class T>
constexpr bool kIsList = std::is_same_v<T, std::vector<double>> || std::is_same_v<T, std::vector<std::string>>;

// Table cells must not contain the column separator.
std::string cell(std::string_view text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

class FieldCollector {
 public:
  FieldCollector(std::vector<ScenarioField>& fields, std::string prefix) : fields_(fields), prefix_(std::move(prefix)) {}

  template <class T>
  void field(std::string_view key, T& value, const schema::Field& field) {
    std::string allowed = range_text(field);
    if (kIsList<T> && !allowed.empty()) allowed = "each " + allowed;
    add(key, std::string(kTypeName<T>),
        field.required ? std::nullopt : std::optional<std::string>(scenario_detail::yaml_text(value)), allowed, field);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field& field) {
    add(key, "mapping", std::nullopt, "", field);
    FieldCollector inner(fields_, path(key) + ".");
    value.visit(inner);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>&, const schema::Field& field) {
    add(key, "list of mappings", "[]",
        field.min ? "at least " + number_text(*field.min) + (*field.min == 1 ? " entry" : " entries") : "", field);
    S element;  // not `S element{}`: with a base struct GCC 12 warns maybe-uninitialized falsely
    FieldCollector inner(fields_, path(key) + "[].");
    element.visit(inner);
  }

 private:
  std::string path(std::string_view key) const { return prefix_ + std::string(key); }
  void add(std::string_view key, std::string type, std::optional<std::string> default_yaml, std::string allowed,
           const schema::Field& field) {
    fields_.push_back({.key = path(key),
                       .type = std::move(type),
                       .unit = std::string(field.unit),
                       .default_yaml = std::move(default_yaml),
                       .min = field.min,
                       .max = field.max,
                       .choices = {field.choices.begin(), field.choices.end()},
                       .allowed = std::move(allowed),
                       .required = field.required,
                       .meaning = std::string(field.meaning),
                       .source = std::string(field.source)});
  }

  std::vector<ScenarioField>& fields_;
  std::string prefix_;
};

template <class Config>
std::vector<ScenarioField> fields_of() {
  std::vector<ScenarioField> fields;
  Config defaults;
  FieldCollector collector(fields, "");
  defaults.visit(collector);
  return fields;
}

constexpr const char* kTableHead =
    "| key | type | unit | default | allowed | required | meaning | source |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- |\n";

std::string table_rows(const std::vector<ScenarioField>& fields) {
  std::string out;
  for (const ScenarioField& field : fields) {
    out += "| `" + field.key + "` | " + field.type + " | " + cell(field.unit) + " | " +
           cell(field.default_yaml ? "`" + *field.default_yaml + "`" : "") + " | " + cell(field.allowed) + " | " +
           (field.required ? "yes" : "no") + " | " + cell(field.meaning) + " | " + cell(field.source) + " |\n";
  }
  return out;
}

}  // namespace

std::vector<ScenarioField> scenario_fields() { return fields_of<ScenarioConfig>(); }

std::string scenario_reference_markdown() {
  return "# Scenario reference\n\n"
      "<!-- Generated by scenario_reference_markdown() (sim/scenario/reference_doc.cpp); do not edit.\n"
      "     Regenerate: MUNISIM_UPDATE_DOCS=1 build/tests/munisim_scenario_tests "
      "--gtest_filter='ScenarioReference.*' -->\n\n"
      "Every key a scenario file may contain, generated from the loader's own description\n"
      "(`munisim reference` prints it; a test fails when this file and the loader disagree).\n"
      "Keys are written as paths: `city.districts[].population` is the `population` of each entry of\n"
      "the `city.districts` list. A file may also start with `extends: other.yaml` (a path relative to\n"
      "the file): the other file is read first and this file's keys are laid over it — mappings merge,\n"
      "lists are replaced whole. `--set key.path=value` (CLI) changes one key after all files, e.g.\n"
      "`--set city.sampling=10` or `--set city.districts[0].population=5000`; the value is YAML.\n\n"
      "Types: integers reject fractions, booleans are `true` or `false`, dates are `YYYY-MM-DD`.\n"
      "Defaults are shown as the resolved YAML prints them; a required key has none.\n"
      "Units: `1` marks a share in [0, 1]; `persons/agent`, `km2`, `t/yr` and the like are what they say.\n"
      "Flags in sources: [DER] derived by us from the cited data, [EST] an estimate to calibrate,\n"
      "[UNV] not yet verified, [NF] no figure found.\n\n" +
      std::string(kTableHead) + table_rows(scenario_fields()) + world_reference_markdown();
}

std::string world_reference_markdown() {
  return std::string(
             "\n## World scenarios\n\n"
             "A file with a top-level `cities:` list is a world scenario ([world.md](world.md)): several cities\n"
             "run day by day on one calendar, each a municipality exchanging reports and letters with the\n"
             "nation. Its keys (no `extends:`; `--set` works as for a city):\n\n") +
         kTableHead + table_rows(fields_of<WorldConfig>());
}

}  // namespace munisim
