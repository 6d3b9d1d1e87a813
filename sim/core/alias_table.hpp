// Walker's alias method: one 32-bit random word picks a category of a fixed discrete distribution
// in constant time, whatever the number of categories (Vose's construction, numerically stable).
#pragma once

#include <cstdint>
#include <span>

namespace munisim {

// One column of an alias table: the column's own category is kept when the word's fraction is
// below `keep` (a share of 2^32), otherwise `alias` is taken.
struct AliasColumn {
  std::uint32_t keep = 0;
  std::uint32_t alias = 0;
};

// Fills one column per weight. Weights are >= 0 with a positive sum; a zero weight is never drawn.
void build_alias(std::span<const double> weights, std::span<AliasColumn> columns);

// The category for a uniform 32-bit word: the word's top part picks the column, the rest of it
// decides between the column and its alias. Probabilities are exact to columns x 2^-32.
[[nodiscard]] inline std::uint32_t sample_alias(const AliasColumn* columns, std::uint32_t count, std::uint32_t word) {
  const std::uint64_t scaled = std::uint64_t{word} * count;
  const auto column = static_cast<std::uint32_t>(scaled >> 32);
  const AliasColumn& at = columns[column];
  // A mask rather than a branch: which side is taken is as random as the word.
  const std::uint32_t keep = 0u - static_cast<std::uint32_t>(static_cast<std::uint32_t>(scaled) < at.keep);
  return at.alias ^ ((column ^ at.alias) & keep);
}

}  // namespace munisim
