#include "sim/scenario/scenario_files.hpp"

#include <fstream>
#include <sstream>

namespace munisim {

std::optional<std::string> DiskScenarioFiles::read(const std::filesystem::path& file) const {
  std::ifstream in(file, std::ios::binary);
  if (!in || !std::filesystem::is_regular_file(file)) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path DiskScenarioFiles::identity(const std::filesystem::path& file) const {
  return std::filesystem::weakly_canonical(file);
}

void MemoryScenarioFiles::add(const std::filesystem::path& file, std::string text) {
  texts_[file.lexically_normal()] = std::move(text);
}

std::optional<std::string> MemoryScenarioFiles::read(const std::filesystem::path& file) const {
  const auto found = texts_.find(file.lexically_normal());
  if (found == texts_.end()) return std::nullopt;
  return found->second;
}

std::filesystem::path MemoryScenarioFiles::identity(const std::filesystem::path& file) const {
  return file.lexically_normal();
}

}  // namespace munisim
