#include "sim/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <string>

#include "sim/io/output_error.hpp"

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

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// Unique per process and call, so that two writers (threads, or a stale file of a killed run with
// a reused pid) never share a temporary file.
std::filesystem::path temporary_name(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// Each returns 0 or the errno of the failed call.
int write_all(int fd, std::span<const unsigned char> bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return errno;
    if (count == 0) return EIO;
    written += static_cast<std::size_t>(count);
  }
  return 0;
}

int sync_file(int fd) { return ::fsync(fd) == 0 ? 0 : errno; }

// The rename is durable only once the directory entry is on disk too.
int sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int error_number = sync_file(fd);
  ::close(fd);
  // Some file systems cannot sync a directory; the file itself was synced before the rename.
  return error_number == EINVAL || error_number == EROFS ? 0 : error_number;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes) {
  const IgnoreFileSizeSignal ignore_size_signal;
  const std::filesystem::path temporary = temporary_name(path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw OutputError(path, "creating " + temporary.string(), errno);
  std::string step = "writing";
  int error_number = write_all(fd, bytes);
  if (error_number == 0) {
    step = "syncing";
    error_number = sync_file(fd);
  }
  // close() also reports delayed write errors (NFS, some quota systems).
  if (::close(fd) != 0 && error_number == 0) {
    step = "closing";
    error_number = errno;
  }
  if (error_number == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) {
    step = "renaming " + temporary.string();
    error_number = errno;
  }
  if (error_number != 0) {
    ::unlink(temporary.c_str());
    throw OutputError(path, step, error_number);
  }
  error_number = sync_directory(directory_of(path));
  if (error_number != 0) {
    // The promise is "complete and durable, or absent": without its directory synced it is not durable.
    ::unlink(path.c_str());
    throw OutputError(path, "syncing its directory", error_number);
  }
}

}  // namespace munisim
