#include "sim/io/output_error.hpp"

#include <cstring>

namespace munisim {

std::string errno_text(int error_number) {
  const char* name = ::strerrorname_np(error_number);
  return std::string(std::strerror(error_number)) + " (" +
         (name != nullptr ? std::string(name) : "errno " + std::to_string(error_number)) + ")";
}

OutputError::OutputError(const std::filesystem::path& path, const std::string& step, int error_number)
    : Error("cannot write '" + path.string() + "': " + step + ": " + errno_text(error_number)),
      path_(path),
      error_number_(error_number) {}

}  // namespace munisim
