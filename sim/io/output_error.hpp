// A file that could not be written (disk full, file-size limit, I/O error). Whoever throws it has
// left nothing under the file's name and no temporary file: the command line exits with 3.
#pragma once

#include <filesystem>
#include <string>

#include "sim/core/error.hpp"

namespace munisim {

class OutputError : public Error {
 public:
  // what() reads "cannot write '<path>': <step>: <strerror> (<ENAME>)".
  OutputError(const std::filesystem::path& path, const std::string& step, int error_number);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] int error_number() const noexcept { return error_number_; }

 private:
  std::filesystem::path path_;
  int error_number_;
};

// "No space left on device (ENOSPC)": the reason and the name a user can search for.
[[nodiscard]] std::string errno_text(int error_number);

}  // namespace munisim
