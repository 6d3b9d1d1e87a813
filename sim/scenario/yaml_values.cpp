#include "sim/scenario/detail/yaml_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace munisim::scenario_detail {
namespace {

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

[[noreturn]] void fail(const ValueSite& site, const YAML::Node&, std::string problem) {
  throw InputError(site.where, site.path, std::move(problem));
}

const std::string& scalar(const ValueSite& site, const YAML::Node& node, std::string_view expected) {
  if (!node.IsScalar()) fail(site, node, "expected " + std::string(expected) + ", got " + describe(node));
  return node.Scalar();
}

void check_range(const ValueSite& site, const YAML::Node& node, const schema::Field& field, double value) {
  const bool low = field.min && value < *field.min;
  const bool high = field.max && value > *field.max;
  if (!low && !high) return;
  if (field.min && field.max) {
    fail(site, node, node.Scalar() + " is not in [" + number_text(*field.min) + ", " + number_text(*field.max) + "]");
  }
  fail(site, node, node.Scalar() + (low ? " is below the minimum " + number_text(*field.min)
                                        : " is above the maximum " + number_text(*field.max)));
}

template <class Int>
Int read_integer(const ValueSite& site, const YAML::Node& node, const schema::Field& field) {
  const std::string& text = scalar(site, node, "an integer");
  std::int64_t value = 0;
  const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
    fail(site, node, "expected an integer, got " + describe(node));
  }
  check_range(site, node, field, static_cast<double>(value));
  if (value < std::numeric_limits<Int>::min() || value > std::numeric_limits<Int>::max()) {
    fail(site, node, text + " is too large");
  }
  return static_cast<Int>(value);
}

double read_number(const ValueSite& site, const YAML::Node& node, const schema::Field& field) {
  const std::string& text = scalar(site, node, "a number");
  double value = 0;
  const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty() || !std::isfinite(value)) {
    fail(site, node, "expected a number, got " + describe(node));
  }
  check_range(site, node, field, value);
  return value;
}

template <class Element, class ReadElement>
std::vector<Element> read_sequence(const ValueSite& site, const YAML::Node& node, std::string_view expected,
                                   ReadElement read_element) {
  if (!node.IsSequence()) fail(site, node, "expected " + std::string(expected) + ", got " + describe(node));
  std::vector<Element> values;
  for (std::size_t i = 0; i < node.size(); ++i) {
    values.push_back(
        read_element(ValueSite{site.file, site.path + "[" + std::to_string(i) + "]", location_of(site.file, node[i])},
                     node[i]));
  }
  return values;
}

}  // namespace

SourceLocation location_of(const std::string& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || file == "--set") return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

std::int64_t read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, std::int64_t) {
  return read_integer<std::int64_t>(site, node, field);
}

int read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, int) {
  return read_integer<int>(site, node, field);
}

double read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, double) {
  return read_number(site, node, field);
}

std::string read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field, const std::string&) {
  const std::string& text = scalar(site, node, "text");
  if (!field.choices.empty() &&
      std::find(field.choices.begin(), field.choices.end(), std::string_view(text)) == field.choices.end()) {
    std::string allowed;
    for (std::string_view choice : field.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(choice);
    fail(site, node, describe(node) + " is not one of " + allowed);
  }
  return text;
}

Date read_value(const ValueSite& site, const YAML::Node& node, const schema::Field&, Date) {
  const std::string& text = scalar(site, node, "a date YYYY-MM-DD");
  const std::optional<Date> date = Date::parse(text);
  if (!date) fail(site, node, "expected a date YYYY-MM-DD, got " + describe(node));
  return *date;
}

std::vector<double> read_value(const ValueSite& site, const YAML::Node& node, const schema::Field& field,
                               const std::vector<double>&) {
  return read_sequence<double>(site, node, "a list of numbers",
                               [&](const ValueSite& at, const YAML::Node& element) { return read_number(at, element, field); });
}

}  // namespace munisim::scenario_detail
