#include "sim/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// A file-size limit would otherwise kill the process with SIGXFSZ instead of failing the write.
class IgnoreFileSizeSignal {
 public:
  IgnoreFileSizeSignal() : previous_(std::signal(SIGXFSZ, SIG_IGN)) {}
  ~IgnoreFileSizeSignal() { std::signal(SIGXFSZ, previous_); }
  IgnoreFileSizeSignal(const IgnoreFileSizeSignal&) = delete;
  IgnoreFileSizeSignal& operator=(const IgnoreFileSizeSignal&) = delete;

 private:
  void (*previous_)(int);
};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error_number) {
  throw Error("cannot write '" + path.string() + "': " + what + ": " + std::strerror(error_number));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes) {
  const IgnoreFileSizeSignal ignore_size_signal;
  std::error_code directory_error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), directory_error);
  if (directory_error) fail(path, "creating its directory", directory_error.value());

  const std::filesystem::path temporary = path.string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "creating " + temporary.string(), errno);
  auto abandon = [&](const std::string& what) {
    const int error_number = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(path, what, error_number);
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count == 0) errno = EIO;
    if (count <= 0) abandon("writing");
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(fd) != 0) abandon("syncing");
  if (::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    fail(path, "closing", error_number);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    fail(path, "renaming the temporary file", error_number);
  }
}

}  // namespace munisim
