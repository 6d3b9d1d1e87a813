// Error types that carry where and why, and how the command line maps them to exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace munisim {

// Where a piece of input came from; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  [[nodiscard]] std::string to_string() const;  // "file:line:col", "file" or "" as known
};

// A defect or an environment failure (disk full, ...): exit code 1.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user's input is wrong (scenario, data file, command line): exit code 2.
// what() reads "file:line:col: key.path: problem; expected ..." with the known parts.
class InputError : public Error {
 public:
  InputError(SourceLocation where, std::string key_path, std::string problem);
  explicit InputError(std::string problem) : InputError({}, {}, std::move(problem)) {}

  [[nodiscard]] const SourceLocation& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& key_path() const noexcept { return key_path_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

 private:
  SourceLocation where_;
  std::string key_path_;
  std::string problem_;
};

// A run stopped on request (Ctrl-C, a Python KeyboardInterrupt) before it finished.
class Interrupted : public Error {
 public:
  Interrupted() : Error("interrupted") {}
};

}  // namespace munisim
