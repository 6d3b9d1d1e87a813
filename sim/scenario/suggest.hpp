// "Did you mean" for misspelt keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace munisim {

// The candidate closest to `word` by edit distance (transpositions count as one edit), if it is
// close enough to be a plausible typo.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

}  // namespace munisim
