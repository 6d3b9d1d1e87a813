// Sizes for people: "512 KiB", "1.4 GiB", in the binary units that free(1) and df -h use.
#pragma once

#include <cstdint>
#include <string>

namespace munisim {

[[nodiscard]] std::string byte_text(std::uint64_t bytes);

}  // namespace munisim
