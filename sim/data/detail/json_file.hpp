// Reading a whole JSON file for the importers that need nlohmann's document tree (boundaries,
// search indexes), with the same messages for an unreadable file, a syntax error (at its line and
// column) and a quoted wrong value.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace munisim::detail {

// `expected` completes the messages: "cannot be read; expected <expected>".
[[nodiscard]] std::string read_json_text(const std::filesystem::path& file, const std::string& expected);
[[noreturn]] void throw_json_syntax_error(const std::filesystem::path& file, const std::string& text,
                                          const nlohmann::json::parse_error& error, const std::string& expected);

template <class Json>
[[nodiscard]] Json parse_json_file(const std::filesystem::path& file, const std::string& expected) {
  const std::string text = read_json_text(file, expected);
  try {
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw_json_syntax_error(file, text, error, expected);
  }
}

// The value in JSON, shortened: a message quotes one wrong value, not the list it is in.
template <class Json>
[[nodiscard]] std::string brief(const Json& value) {
  constexpr std::size_t kLength = 60;
  std::string text = value.dump();
  if (text.size() > kLength) text.replace(kLength - 3, std::string::npos, "...");
  return text;
}

}  // namespace munisim::detail
