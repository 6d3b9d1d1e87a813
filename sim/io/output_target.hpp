// Checks made before a run starts, so that it never ends by failing to write its output or by
// replacing one of its own inputs: what the output path names, whether its directory takes a new
// file, and whether the estimated output fits the free space and the file-size limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace munisim {

// A file the run reads, and what it is to the run (for messages): "the scenario", "city.streets.osm".
struct InputFile {
  std::filesystem::path path;
  std::string role;
};

// What munisim writes; an existing file at the output path is replaced only if it is of this kind,
// so that a mistyped path never destroys something else.
enum class OutputKind { hdf5, html_report };

struct OutputTarget {
  std::filesystem::path path;
  std::vector<InputFile> inputs;  // the output must be none of these (same file, however named)
  OutputKind kind = OutputKind::hdf5;
  std::uint64_t estimated_bytes = 0;
};

// InputError (exit code 2) naming the path, what is wrong and the errno where one applies:
// - `path` is an input (compared by device and inode after following symlinks), a directory, a
//   device or other non-regular file, or an existing file not of `kind`;
// - its directory is missing, not a directory, or refuses a new file (permissions, read-only);
// - estimated_bytes exceed the space free to this user there, or RLIMIT_FSIZE (ulimit -f).
// Leaves nothing behind.
void check_output_target(const OutputTarget& target);

}  // namespace munisim
