// Writes bytes to a file so that the final name holds either the complete content or nothing.
#pragma once

#include <filesystem>
#include <span>

namespace munisim {

// Writes to "<path>.tmp-<pid>", syncs, then renames. On any failure (ENOSPC, EFBIG, ...) the
// temporary file is removed and Error names the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::span<const unsigned char> bytes);

}  // namespace munisim
