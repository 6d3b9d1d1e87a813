#include "sim/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "sim/io/output_error.hpp"
#include "sim/io/write_fault.hpp"

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

// "<name>.tmp-<pid>-<n>": unique per process and call, so that two writers (threads, or a stale
// file of a killed run with a reused pid) never share a temporary file.
std::string temporary_prefix(const std::filesystem::path& path) { return path.filename().string() + ".tmp-"; }

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

bool process_is_gone(std::string_view pid_text) {
  pid_t pid = 0;
  const auto [end, error] = std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
  return error == std::errc() && pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

// A writer killed mid-write (SIGKILL, power loss) leaves its temporary file behind. The next write
// of the same name removes those of processes that no longer exist, before its own write, so they
// neither pile up nor fill the disk it needs. Best effort: nothing here fails the write.
void remove_stale_temporaries(const std::filesystem::path& path) {
  const std::string prefix = temporary_prefix(path);
  std::error_code error;
  for (std::filesystem::directory_iterator entry(directory_of(path), error), end; !error && entry != end;
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(name).substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos || !process_is_gone(rest.substr(0, dash))) continue;
    std::error_code ignored;
    std::filesystem::remove(entry->path(), ignored);
  }
}

// The test-only fault of write_fault.hpp: the first `bytes` bytes, then SIGKILL.
void write_then_die(int fd, std::span<const unsigned char> bytes, std::size_t kill_after) {
  write_all(fd, bytes.first(std::min(kill_after, bytes.size())));
  ::kill(::getpid(), SIGKILL);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes) {
  const IgnoreFileSizeSignal ignore_size_signal;
  const std::optional<std::size_t> test_kill_after = bytes_before_test_kill(path);
  remove_stale_temporaries(path);
  const std::filesystem::path temporary = temporary_name(path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw OutputError(path, "creating " + temporary.string(), errno);
  if (test_kill_after) write_then_die(fd, bytes, *test_kill_after);
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
