// How much memory this process may still use, from every limit that can end it: the memory the
// kernel reports available, the cgroup (container) limit, and the address-space limit. Linux
// overcommits, so an allocation beyond these succeeds and the run dies later in the OOM killer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace munisim {

struct MemoryLimit {
  std::uint64_t bytes = 0;  // still usable under this limit
  std::string name;         // "MemAvailable (/proc/meminfo)", "cgroup memory.max", ...
};

// The tightest of the limits that can be read; nothing when none can.
[[nodiscard]] std::optional<MemoryLimit> tightest_memory_limit();

}  // namespace munisim
