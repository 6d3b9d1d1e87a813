// Where the scenario loader reads a scenario's files (the main file and those it `extends:`): the
// disk, or texts held in memory (tests, fuzzing, scenarios built by a program).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace munisim {

class ScenarioFiles {
 public:
  virtual ~ScenarioFiles() = default;
  // The file's text, or nothing when it cannot be read.
  [[nodiscard]] virtual std::optional<std::string> read(const std::filesystem::path& file) const = 0;
  // One name for every path of the same file, to find `extends:` cycles.
  [[nodiscard]] virtual std::filesystem::path identity(const std::filesystem::path& file) const = 0;
};

// Regular files on disk; identity follows symlinks and `..`.
class DiskScenarioFiles final : public ScenarioFiles {
 public:
  [[nodiscard]] std::optional<std::string> read(const std::filesystem::path& file) const override;
  [[nodiscard]] std::filesystem::path identity(const std::filesystem::path& file) const override;
};

// Texts by path (compared after lexical normalisation); nothing else exists.
class MemoryScenarioFiles final : public ScenarioFiles {
 public:
  void add(const std::filesystem::path& file, std::string text);
  [[nodiscard]] std::optional<std::string> read(const std::filesystem::path& file) const override;
  [[nodiscard]] std::filesystem::path identity(const std::filesystem::path& file) const override;

 private:
  std::map<std::filesystem::path, std::string> texts_;
};

}  // namespace munisim
