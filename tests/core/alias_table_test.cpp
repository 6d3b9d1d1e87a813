// Alias tables: every category comes out with its weight's share, zero weights never do.
#include "sim/core/alias_table.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

// Frequencies over 2^20 evenly spaced words, which stand for all 2^32 words to 2^-20.
std::vector<double> frequencies(const std::vector<double>& weights) {
  std::vector<AliasColumn> columns(weights.size());
  build_alias(weights, columns);
  std::vector<double> share(weights.size(), 0.0);
  constexpr std::uint32_t kWords = 1u << 20;
  for (std::uint32_t i = 0; i < kWords; ++i) {
    const std::uint32_t category = sample_alias(columns.data(), static_cast<std::uint32_t>(columns.size()), i << 12);
    share[category] += 1.0 / kWords;
  }
  return share;
}

TEST(AliasTable, CategoriesComeOutInProportionToTheirWeights) {
  const std::vector<double> weights = {3, 0, 1, 0.5, 0, 7, 1e-3, 2.5};
  double total = 0;
  for (double weight : weights) total += weight;
  const std::vector<double> share = frequencies(weights);
  for (std::size_t i = 0; i < weights.size(); ++i) EXPECT_NEAR(share[i], weights[i] / total, 1e-5) << i;
}

TEST(AliasTable, AZeroWeightIsNeverDrawnEvenWhenRoundingLeavesColumnsOver) {
  std::vector<double> weights(24, 0.0);
  weights[7] = 1.0 / 3;
  weights[8] = 1.0 / 3;
  weights[23] = 1.0 / 3;
  const std::vector<double> share = frequencies(weights);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] == 0) {
      EXPECT_EQ(share[i], 0) << i;
    }
  }
  std::vector<AliasColumn> columns(weights.size());
  for (std::uint32_t word : {0u, 1u, 0xFFFFFFFFu, 0x80000000u}) {
    build_alias(weights, columns);
    EXPECT_GT(weights[sample_alias(columns.data(), 24, word)], 0) << word;
  }
}

TEST(AliasTable, RefusesWeightsWithoutAPositiveSum) {
  std::vector<AliasColumn> columns(2);
  EXPECT_THROW(build_alias(std::vector<double>{0, 0}, columns), Error);
  EXPECT_THROW(build_alias(std::vector<double>{1, 2, 3}, columns), Error);
}

}  // namespace
}  // namespace munisim
