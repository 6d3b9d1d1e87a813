#include "sim/scenario/detail/values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "sim/scenario/suggest.hpp"

namespace munisim::scenario_detail {
namespace {

[[noreturn]] void fail(const Node& node, const std::string& path, std::string problem) {
  throw InputError(node.where, path, std::move(problem));
}

const std::string& scalar(const Node& node, const std::string& path, std::string_view expected) {
  if (node.kind != Node::Kind::scalar)
    fail(node, path, "expected " + std::string(expected) + ", got " + describe(node));
  return node.text;
}

void check_range(const Node& node, const std::string& path, const schema::Field& field, double value) {
  const bool low = field.min && value < *field.min;
  const bool high = field.max && value > *field.max;
  if (!low && !high) return;
  if (field.min && field.max) {
    fail(node, path, node.text + " is not in [" + number_text(*field.min) + ", " + number_text(*field.max) + "]");
  }
  fail(node, path,
       node.text + (low ? " is below the minimum " + number_text(*field.min)
                        : " is above the maximum " + number_text(*field.max)));
}

// Parses the whole text as a T with std::from_chars (a leading '+' allowed), or nothing.
template <class T>
std::optional<T> parse_whole(const std::string& text) {
  T value{};
  const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (text.empty() || error != std::errc{} || stop != end) return std::nullopt;
  return value;
}

template <class Int>
void read_integer(const Node& node, const std::string& path, const schema::Field& field, Int& out) {
  const std::optional<std::int64_t> value = parse_whole<std::int64_t>(scalar(node, path, "an integer"));
  if (!value) fail(node, path, "expected an integer, got " + describe(node));
  check_range(node, path, field, static_cast<double>(*value));
  if (*value < std::numeric_limits<Int>::min() || *value > std::numeric_limits<Int>::max()) {
    fail(node, path, node.text + " is too large");
  }
  out = static_cast<Int>(*value);
}

template <class T>
void read_elements(const Node& node, const std::string& path, const schema::Field& field, std::vector<T>& out) {
  expect_kind(node, Node::Kind::sequence, path);
  std::vector<T> values(node.values.size());
  for (std::size_t i = 0; i < values.size(); ++i) read_value(node.values[i], element_path(path, i), field, values[i]);
  out = std::move(values);
}

}  // namespace

std::string number_text(double value) {
  // 15 significant digits read well ("100000", "0.1"); more only where they are needed to be exact.
  char buffer[32];
  for (int digits = 15;; ++digits) {
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, digits);
    const std::string text(buffer, end);
    if (digits == 17 || parse_whole<double>(text) == value) return text;
  }
}

void read_value(const Node& node, const std::string& path, const schema::Field&, bool& value) {
  const std::string& text = scalar(node, path, "true or false");
  if (text != "true" && text != "false") fail(node, path, "expected true or false, got " + describe(node));
  value = text == "true";
}

void read_value(const Node& node, const std::string& path, const schema::Field& field, int& value) {
  read_integer(node, path, field, value);
}

void read_value(const Node& node, const std::string& path, const schema::Field& field, std::int64_t& value) {
  read_integer(node, path, field, value);
}

void read_value(const Node& node, const std::string& path, const schema::Field& field, double& value) {
  const std::optional<double> number = parse_whole<double>(scalar(node, path, "a number"));
  if (!number || !std::isfinite(*number)) fail(node, path, "expected a number, got " + describe(node));
  check_range(node, path, field, *number);
  value = *number;
}

void read_value(const Node& node, const std::string& path, const schema::Field& field, std::string& value) {
  const std::string& text = scalar(node, path, "text");
  if (!field.choices.empty() &&
      std::find(field.choices.begin(), field.choices.end(), std::string_view(text)) == field.choices.end()) {
    fail(node, path, describe(node) + " is not one of " + listed(field.choices));
  }
  value = text;
}

void read_value(const Node& node, const std::string& path, const schema::Field&, Date& value) {
  const std::optional<Date> date = Date::parse(scalar(node, path, "a date YYYY-MM-DD"));
  if (!date) fail(node, path, "expected a date YYYY-MM-DD, got " + describe(node));
  value = *date;
}

void read_value(const Node& node, const std::string& path, const schema::Field& field, std::vector<double>& value) {
  read_elements(node, path, field, value);
}

void read_value(const Node& node, const std::string& path, const schema::Field& field,
                std::vector<std::string>& value) {
  read_elements(node, path, field, value);
}

void expect_kind(const Node& node, Node::Kind kind, const std::string& path) {
  if (node.kind == kind) return;
  fail(
      node, path,
      std::string(kind == Node::Kind::sequence ? "expected a list" : "expected a mapping") + ", got " + describe(node));
}

void check_entry_count(std::size_t entries, const schema::Field& field, const SourceLocation& where,
                       const std::string& path) {
  if (field.min && static_cast<double>(entries) < *field.min) {
    throw InputError(where, path,
                     "has " + std::to_string(entries) + " entries; expected at least " + number_text(*field.min));
  }
}

}  // namespace munisim::scenario_detail
