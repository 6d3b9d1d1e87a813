// docs/scenario-reference.md, generated from the same visit() descriptions the loader reads with,
// so the reference cannot drift from what the loader accepts.
#include <cstdio>
#include <string>

#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string text;
  for (std::string_view word : words) text += (text.empty() ? "" : ", ") + std::string(word);
  return text;
}

std::string range_text(const schema::Field& field) {
  if (!field.choices.empty()) return "one of: " + join(field.choices);
  if (field.min && field.max) return "[" + number_text(*field.min) + ", " + number_text(*field.max) + "]";
  if (field.min) return ">= " + number_text(*field.min);
  if (field.max) return "<= " + number_text(*field.max);
  return "";
}

std::string shown(int value) { return std::to_string(value); }
std::string shown(std::int64_t value) { return std::to_string(value); }
std::string shown(double value) { return number_text(value); }
std::string shown(const std::string& value) { return value.empty() ? "\"\"" : "\"" + value + "\""; }
std::string shown(const Date& value) { return value.to_string(); }
std::string shown(const std::vector<double>& values) {
  std::string text;
  for (double value : values) text += (text.empty() ? "" : ", ") + number_text(value);
  return "[" + text + "]";
}

std::string type_name(int) { return "integer"; }
std::string type_name(std::int64_t) { return "integer"; }
std::string type_name(double) { return "number"; }
std::string type_name(const std::string&) { return "text"; }
std::string type_name(const Date&) { return "date"; }
std::string type_name(const std::vector<double>&) { return "list of numbers"; }

class ReferenceWriter {
 public:
  ReferenceWriter(std::string& out, std::string prefix) : out_(out), prefix_(std::move(prefix)) {}

  template <class T>
  void field(std::string_view key, T& value, const schema::Field& field) {
    std::string meaning(field.meaning);
    if (!field.source.empty()) meaning += " (source: " + std::string(field.source) + ")";
    row(key, type_name(value), field.unit, field.required ? "required" : shown(value), range_text(field), meaning);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field& field) {
    row(key, "mapping", "", "", "", std::string(field.meaning));
    ReferenceWriter inner(out_, path(key) + ".");
    value.visit(inner);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>&, const schema::Field& field) {
    const std::string entries = field.min ? "at least " + number_text(*field.min) + " entries" : "";
    row(key, "list of mappings", "", "[]", entries, std::string(field.meaning));
    S element{};
    ReferenceWriter inner(out_, path(key) + "[].");
    element.visit(inner);
  }

 private:
  std::string path(std::string_view key) const { return prefix_ + std::string(key); }
  void row(std::string_view key, const std::string& type, std::string_view unit, const std::string& default_value,
           const std::string& allowed, const std::string& meaning) {
    out_ += "| `" + path(key) + "` | " + type + " | " + std::string(unit) + " | " + default_value + " | " + allowed +
            " | " + meaning + " |\n";
  }

  std::string& out_;
  std::string prefix_;
};

}  // namespace

std::string scenario_reference_markdown() {
  std::string out =
      "# Scenario reference\n\n"
      "Every key a scenario file may contain, generated from the loader's own description\n"
      "(`munisim reference` prints it; a test fails when this file and the loader disagree).\n"
      "Keys are written as paths: `city.districts[].population` is the `population` of each entry of\n"
      "the `city.districts` list. A file may also start with `extends: other.yaml` (a path relative to\n"
      "the file): the other file is read first and this file's keys are laid over it — mappings merge,\n"
      "lists are replaced whole. `--set key.path=value` (CLI) changes one key after all files, e.g.\n"
      "`--set city.sampling=10` or `--set city.districts[0].population=5000`.\n\n"
      "Units: `1` marks a share in [0, 1]; `persons/agent`, `km2`, `t/yr` and the like are what they say.\n"
      "Flags in sources: [DER] derived by us from the cited data, [EST] an estimate to calibrate, [UNV] not yet verified.\n\n"
      "| key | type | unit | default | allowed | meaning |\n"
      "| --- | --- | --- | --- | --- | --- |\n";
  ScenarioConfig defaults;
  ReferenceWriter writer(out, "");
  defaults.visit(writer);
  return out;
}

}  // namespace munisim
