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

// "a, b, c": names listed in messages (strings or string views).
template <class Names>
[[nodiscard]] std::string listed(const Names& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace munisim
