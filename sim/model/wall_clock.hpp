// Wall-clock times as they appear in output metadata.
#pragma once

#include <chrono>
#include <string>

namespace munisim {

[[nodiscard]] std::string iso8601_utc(std::chrono::system_clock::time_point when);  // 2026-11-25T03:15:00Z

}  // namespace munisim
