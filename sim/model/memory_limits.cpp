#include "sim/model/memory_limits.hpp"

#include <sys/resource.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace munisim {
namespace {

// A "Key:   123 kB" line of a /proc file, in bytes.
std::optional<std::uint64_t> proc_kilobytes(const char* file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with(key + ":")) continue;
    std::istringstream fields(line.substr(key.size() + 1));
    std::uint64_t kilobytes = 0;
    if (fields >> kilobytes) return kilobytes * 1024;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> number_in(const std::string& file) {
  std::ifstream in(file);
  std::uint64_t value = 0;
  if (in >> value) return value;  // "max" (no limit) does not read as a number
  return std::nullopt;
}

// The limit of this process's cgroup or of any cgroup above it, v2 (memory.max) or v1
// (memory.limit_in_bytes, where "no limit" reads as a number near 2^63).
std::optional<std::uint64_t> cgroup_limit() {
  constexpr std::uint64_t kV1Unlimited = std::uint64_t{1} << 62;
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  std::optional<std::uint64_t> tightest;
  while (std::getline(in, line)) {
    const std::size_t first = line.find(':');
    const std::size_t second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    std::string group = line.substr(second + 1);
    std::string root, file;
    if (controllers.empty()) {
      root = "/sys/fs/cgroup";
      file = "/memory.max";
    } else if (controllers == "memory") {
      root = "/sys/fs/cgroup/memory";
      file = "/memory.limit_in_bytes";
    } else {
      continue;
    }
    // Up to the root, which is also where a container usually sees its own cgroup mounted.
    while (true) {
      const std::optional<std::uint64_t> limit = number_in(root + group + file);
      if (limit && *limit < kV1Unlimited && (!tightest || *limit < *tightest)) tightest = limit;
      if (group.empty() || group == "/") break;
      group.resize(group.find_last_of('/'));
    }
  }
  return tightest;
}

// RLIMIT_AS counts the address space already mapped (libraries, stacks, arenas) too.
std::optional<std::uint64_t> address_space_left() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  const std::uint64_t mapped = proc_kilobytes("/proc/self/status", "VmSize").value_or(0);
  return limit.rlim_cur > mapped ? limit.rlim_cur - mapped : 0;
}

}  // namespace

std::optional<MemoryLimit> tightest_memory_limit() {
  std::vector<MemoryLimit> limits;
  if (auto bytes = proc_kilobytes("/proc/meminfo", "MemAvailable")) limits.push_back({*bytes, "MemAvailable"});
  if (auto bytes = cgroup_limit()) limits.push_back({*bytes, "the cgroup memory limit"});
  if (auto bytes = address_space_left()) limits.push_back({*bytes, "the address-space limit left (ulimit -v)"});
  std::optional<MemoryLimit> tightest;
  for (MemoryLimit& limit : limits) {
    if (!tightest || limit.bytes < tightest->bytes) tightest = std::move(limit);
  }
  return tightest;
}

}  // namespace munisim
