// A fault for tests only: kills the process in the middle of an atomic write, so that tests can
// show deterministically what a crash at that moment leaves behind (docs/reliability.md#crashes).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>

namespace munisim {

// MUNISIM_TEST_KILL_WRITE="SUFFIX:NTH:BYTES" (unset in normal use): the NTH write (from 1) by this
// process of a file whose name ends with SUFFIX ends with SIGKILL once BYTES bytes of its
// temporary file are written (all of them when BYTES is larger, before the file is synced and
// renamed). Returns BYTES for that write, nothing for every other. A malformed value throws.
[[nodiscard]] std::optional<std::size_t> bytes_before_test_kill(const std::filesystem::path& path);

}  // namespace munisim
