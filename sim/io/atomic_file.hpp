// Writes bytes to a file so that the final name holds either the complete content or nothing.
#pragma once

#include <filesystem>
#include <span>

namespace munisim {

// Writes "<path>.tmp-<pid>-<n>" in the same directory (created exclusively, never an existing
// file), syncs it, renames it over `path` and syncs the directory, so that after a crash the name
// holds the old file or the new one. On any failure (ENOSPC, EFBIG, EIO, a missing or read-only
// directory) the temporary file is removed, nothing is left under `path`, and OutputError names
// the path, the step and the errno. The directory must exist: it is not created.
void write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes);

}  // namespace munisim
