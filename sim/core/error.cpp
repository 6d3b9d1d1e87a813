#include "sim/core/error.hpp"

namespace munisim {
namespace {

std::string compose(const SourceLocation& where, const std::string& key_path, const std::string& problem) {
  std::string text = where.to_string();
  if (!text.empty()) text += ": ";
  if (!key_path.empty()) text += key_path + ": ";
  return text + problem;
}

}  // namespace

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  std::string text = file + ":" + std::to_string(line);
  if (column > 0) text += ":" + std::to_string(column);
  return text;
}

InputError::InputError(SourceLocation where, std::string key_path, std::string problem)
    : Error(compose(where, key_path, problem)),
      where_(std::move(where)),
      key_path_(std::move(key_path)),
      problem_(std::move(problem)) {}

}  // namespace munisim
