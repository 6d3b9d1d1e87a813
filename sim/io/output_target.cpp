#include "sim/io/output_target.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string_view>

#include "sim/core/byte_text.hpp"
#include "sim/core/error.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output_error.hpp"

namespace munisim {
namespace {

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& problem) {
  throw InputError({path.string(), 0, 0}, "", problem + "; nothing was written");
}

bool is_html(const std::filesystem::path& path) {
  constexpr std::string_view kStart = "<!DOCTYPE html";
  std::string start(kStart.size(), '\0');
  std::ifstream(path, std::ios::binary).read(start.data(), static_cast<std::streamsize>(start.size()));
  return start == kStart;
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

void check_existing(const OutputTarget& target, const struct stat& existing) {
  for (const InputFile& input : target.inputs) {
    struct stat status {};
    if (::stat(input.path.c_str(), &status) == 0 && same_file(status, existing)) {
      refuse(target.path, "the output would replace " + input.role + " '" + input.path.string() +
                              "', an input of this run; choose another output path");
    }
  }
  if (S_ISDIR(existing.st_mode))
    refuse(target.path, "is a directory; expected a file name (" + errno_text(EISDIR) + ")");
  if (!S_ISREG(existing.st_mode)) refuse(target.path, "exists and is not a regular file; expected a new or HDF5 file");
  if (target.kind == OutputKind::hdf5 && !io_detail::is_hdf5_file(target.path)) {
    refuse(target.path, "exists and is not an HDF5 file; munisim replaces only HDF5 outputs, choose another path");
  }
  if (target.kind == OutputKind::html_report && !is_html(target.path)) {
    refuse(target.path, "exists and is not an HTML file; munisim replaces only HTML reports, choose another path");
  }
}

// Creating and removing a file is the one test that sees permissions, ACLs, read-only mounts and
// root's exemptions as the later write will.
void check_directory(const std::filesystem::path& path, const std::filesystem::path& directory) {
  const std::filesystem::path probe = directory / (".munisim-probe-" + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) refuse(path, "cannot write a new file in directory '" + directory.string() + "': " + errno_text(errno));
  ::close(fd);
  ::unlink(probe.c_str());
}

void check_room(const std::filesystem::path& path, const std::filesystem::path& directory, std::uint64_t bytes) {
  struct statvfs space {};
  if (bytes == 0 || ::statvfs(directory.c_str(), &space) != 0) return;
  const std::uint64_t free_bytes = static_cast<std::uint64_t>(space.f_bavail) * space.f_frsize;
  if (bytes > free_bytes) {
    refuse(path, "the output needs about " + byte_text(bytes) + " but only " + byte_text(free_bytes) +
                     " are free in '" + directory.string() + "' (" + errno_text(ENOSPC) + ")");
  }
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && bytes > limit.rlim_cur) {
    refuse(path, "the output needs about " + byte_text(bytes) + " but the file-size limit (ulimit -f) is " +
                     byte_text(limit.rlim_cur) + " (" + errno_text(EFBIG) + ")");
  }
}

}  // namespace

void check_output_target(const OutputTarget& target) {
  struct stat existing {};
  if (::stat(target.path.c_str(), &existing) == 0) check_existing(target, existing);
  const std::filesystem::path directory = target.path.has_parent_path() ? target.path.parent_path() : ".";
  check_directory(target.path, directory);
  check_room(target.path, directory, target.estimated_bytes);
}

}  // namespace munisim
