#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

constexpr int kDraws = 200000;

struct Moments {
  double mean = 0;
  double variance = 0;
};

template <class Draw>
Moments moments(Draw draw) {
  std::vector<double> values(kDraws);
  for (double& value : values) value = draw();
  Moments result;
  result.mean = std::accumulate(values.begin(), values.end(), 0.0) / kDraws;
  for (double value : values) result.variance += (value - result.mean) * (value - result.mean);
  result.variance /= kDraws - 1;
  return result;
}

// Five standard errors of a sample mean with the given variance.
double mean_tolerance(double variance) { return 5 * std::sqrt(variance / kDraws); }

TEST(RandomStream, SameAddressSameDrawsAndEveryAddressPartMatters) {
  RandomStream a(1, 2, 3, 4), b(1, 2, 3, 4);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
  const std::uint64_t first = RandomStream(1, 2, 3, 4).next_u64();
  EXPECT_NE(first, RandomStream(9, 2, 3, 4).next_u64());
  EXPECT_NE(first, RandomStream(1, 9, 3, 4).next_u64());
  EXPECT_NE(first, RandomStream(1, 2, 9, 4).next_u64());
  EXPECT_NE(first, RandomStream(1, 2, 3, 9).next_u64());
}

TEST(RandomStream, PurposeTagsAreStableAndDistinct) {
  static_assert(stream_purpose("a") != stream_purpose("b"));
  EXPECT_EQ(stream_purpose("waste.generation"), stream_purpose("waste.generation"));
  EXPECT_EQ(stream_purpose(""), 2166136261u);  // FNV-1a offset basis: the tag must never change
}

TEST(RandomStream, UniformIsInUnitIntervalWithRightMoments) {
  RandomStream stream(42, 0, 0, 0);
  const Moments m = moments([&] {
    const double u = stream.uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    return u;
  });
  EXPECT_NEAR(m.mean, 0.5, mean_tolerance(1.0 / 12));
  EXPECT_NEAR(m.variance, 1.0 / 12, 0.002);
}

TEST(RandomStream, NormalAndLognormalMoments) {
  RandomStream stream(42, 1, 0, 0);
  const Moments normal = moments([&] { return stream.normal(3.0, 2.0); });
  EXPECT_NEAR(normal.mean, 3.0, mean_tolerance(4.0));
  EXPECT_NEAR(normal.variance, 4.0, 0.06);
  const double mu = 0.1, sigma = 0.4;
  const double mean = std::exp(mu + sigma * sigma / 2);
  const double variance = (std::exp(sigma * sigma) - 1) * mean * mean;
  const Moments lognormal = moments([&] { return stream.lognormal(mu, sigma); });
  EXPECT_NEAR(lognormal.mean, mean, mean_tolerance(variance));
  EXPECT_NEAR(lognormal.variance, variance, 0.05 * variance);
}

TEST(RandomStream, BernoulliFrequency) {
  RandomStream stream(7, 0, 0, 0);
  const Moments m = moments([&] { return stream.bernoulli(0.3) ? 1.0 : 0.0; });
  EXPECT_NEAR(m.mean, 0.3, mean_tolerance(0.21));
}

class PoissonMeans : public ::testing::TestWithParam<double> {};

TEST_P(PoissonMeans, MeanAndVarianceEqualTheRate) {
  const double rate = GetParam();
  RandomStream stream(11, 0, 0, 0);
  const Moments m = moments([&] { return static_cast<double>(stream.poisson(rate)); });
  EXPECT_NEAR(m.mean, rate, mean_tolerance(rate));
  EXPECT_NEAR(m.variance, rate, 0.03 * rate + 0.01);
}

INSTANTIATE_TEST_SUITE_P(SmallAndLarge, PoissonMeans, ::testing::Values(0.05, 0.7, 2.5, 12.0, 150.0, 40000.0));

TEST(RandomStream, PoissonSmallMeanProbabilities) {
  // P(0) = e^-0.7, P(1) = 0.7 e^-0.7.
  RandomStream stream(3, 0, 0, 0);
  int zeros = 0, ones = 0;
  for (int i = 0; i < kDraws; ++i) {
    const auto k = stream.poisson(0.7);
    zeros += k == 0;
    ones += k == 1;
  }
  const double p0 = std::exp(-0.7);
  EXPECT_NEAR(zeros / double(kDraws), p0, 5 * std::sqrt(p0 * (1 - p0) / kDraws));
  EXPECT_NEAR(ones / double(kDraws), 0.7 * p0, 5 * std::sqrt(0.7 * p0 * (1 - 0.7 * p0) / kDraws));
}

struct BinomialCase {
  std::uint32_t n;
  double p;
};
class BinomialCases : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialCases, MeanAndVarianceMatch) {
  const auto [n, p] = GetParam();
  RandomStream stream(5, 0, 0, 0);
  const double mean = n * p;
  const double variance = n * p * (1 - p);
  const Moments m = moments([&] {
    const auto k = stream.binomial(n, p);
    EXPECT_LE(k, n);
    return static_cast<double>(k);
  });
  EXPECT_NEAR(m.mean, mean, mean_tolerance(variance) + 1e-12);
  EXPECT_NEAR(m.variance, variance, 0.03 * variance + 1e-9);
}

INSTANTIATE_TEST_SUITE_P(SmallAndLarge, BinomialCases,
                         ::testing::Values(BinomialCase{1, 0.5}, BinomialCase{10, 0.1}, BinomialCase{40, 0.95},
                                           BinomialCase{1000, 0.3}, BinomialCase{1000000, 0.02}));

TEST(RandomStream, BinomialEdgeProbabilities) {
  RandomStream stream(5, 0, 0, 0);
  EXPECT_EQ(stream.binomial(0, 0.5), 0u);
  EXPECT_EQ(stream.binomial(10, 0.0), 0u);
  EXPECT_EQ(stream.binomial(10, 1.0), 10u);
}

// Pearson's chi-square of kDraws draws against an exact probability mass function, bins with
// fewer than five expected draws pooled. Under the null the statistic has mean dof and standard
// deviation sqrt(2 dof); the bound sits five of those above.
template <class Draw, class Pmf>
void expect_fits_pmf(Draw draw, Pmf log_pmf, std::uint32_t max_k) {
  std::vector<double> observed(max_k + 2, 0.0);
  for (int i = 0; i < kDraws; ++i) ++observed[std::min(draw(), max_k + 1)];
  double chi2 = 0, pooled_observed = 0, pooled_expected = 0, tail = 1;
  int dof = -1;
  for (std::uint32_t k = 0; k <= max_k + 1; ++k) {
    const double p = k <= max_k ? std::exp(log_pmf(k)) : tail;
    tail -= p;
    pooled_observed += observed[k];
    pooled_expected += kDraws * std::max(p, 0.0);
    if (pooled_expected >= 5 || k == max_k + 1) {
      chi2 +=
          (pooled_observed - pooled_expected) * (pooled_observed - pooled_expected) / std::max(pooled_expected, 1e-9);
      pooled_observed = pooled_expected = 0;
      ++dof;
    }
  }
  EXPECT_LT(chi2, dof + 5 * std::sqrt(2.0 * dof)) << dof << " degrees of freedom";
}

// Means on both sides of the switch from inversion to rejection (10).
class PoissonPmf : public ::testing::TestWithParam<double> {};

TEST_P(PoissonPmf, FrequenciesFollowTheExactDistribution) {
  const double mean = GetParam();
  RandomStream stream(13, 1, 2, 3);
  expect_fits_pmf([&] { return stream.poisson(mean); },
                  [mean](std::uint32_t k) { return -mean + k * std::log(mean) - std::lgamma(k + 1.0); },
                  static_cast<std::uint32_t>(mean + 12 * std::sqrt(mean) + 12));
}

INSTANTIATE_TEST_SUITE_P(AroundTheSwitch, PoissonPmf, ::testing::Values(0.7, 9.99, 10.0, 37.5, 250.0));

class BinomialPmf : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialPmf, FrequenciesFollowTheExactDistribution) {
  const auto [n, p] = GetParam();
  RandomStream stream(17, 1, 2, 3);
  const double sd = std::sqrt(n * p * (1 - p));
  const auto max_k = static_cast<std::uint32_t>(std::min<double>(n, n * p + 12 * sd + 12));
  expect_fits_pmf([&] { return stream.binomial(n, p); },
                  [n, p](std::uint32_t k) {
                    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
                           (n - k) * std::log1p(-p);
                  },
                  max_k);
}

// Inversion (n p < 10), BTRD at its threshold, BTRD through symmetry (p > 1/2), BTRD far from the
// mode (sd 22, so |k - m| > 15 often), and a huge n with a small p.
INSTANTIATE_TEST_SUITE_P(AroundTheSwitch, BinomialPmf,
                         ::testing::Values(BinomialCase{30, 0.3}, BinomialCase{100, 0.1}, BinomialCase{60, 0.75},
                                           BinomialCase{2000, 0.4}, BinomialCase{1000000000, 1e-8}));

TEST(RandomStream, CountDrawsRejectImpossibleParameters) {
  RandomStream stream(1, 0, 0, 0);
  EXPECT_THROW((void)stream.poisson(std::nan("")), Error);
  EXPECT_THROW((void)stream.poisson(1e12), Error);
  EXPECT_THROW((void)stream.binomial(10, 1.5), Error);
  EXPECT_THROW((void)stream.binomial(10, -0.1), Error);
}

TEST(RandomStream, CategoricalFrequenciesFollowWeights) {
  RandomStream stream(9, 0, 0, 0);
  const std::vector<double> weights = {1, 0, 3, 6};  // need not sum to one
  std::vector<int> counts(weights.size());
  for (int i = 0; i < kDraws; ++i) ++counts[stream.categorical(weights)];
  EXPECT_EQ(counts[1], 0);
  for (std::size_t k : {0u, 2u, 3u}) {
    const double p = weights[k] / 10;
    EXPECT_NEAR(counts[k] / double(kDraws), p, 5 * std::sqrt(p * (1 - p) / kDraws));
  }
}

TEST(BlockFills, EqualTheFirstDrawOfEachEntityStream) {
  std::vector<double> uniforms(1000), normals(1000);
  fill_uniform(77, 5000, 12, 3, uniforms);
  fill_normal(77, 5000, 12, 3, normals);
  for (std::size_t i = 0; i < uniforms.size(); ++i) {
    EXPECT_EQ(uniforms[i], RandomStream(77, 5000 + i, 12, 3).uniform());
    EXPECT_EQ(normals[i], RandomStream(77, 5000 + i, 12, 3).normal(0, 1));
  }
}

TEST(BlockFills, SplittingABlockChangesNothing) {
  std::vector<double> whole(100), front(40), back(60);
  fill_uniform(1, 0, 0, 0, whole);
  fill_uniform(1, 0, 0, 0, front);
  fill_uniform(1, 40, 0, 0, back);
  for (std::size_t i = 0; i < 40; ++i) EXPECT_EQ(whole[i], front[i]);
  for (std::size_t i = 0; i < 60; ++i) EXPECT_EQ(whole[40 + i], back[i]);
}

TEST(BlockFills, WordsAreTheStreamsWordsFromTheGivenBlockOn) {
  RandomStream stream(9, 42, 7, 5);
  std::vector<std::uint64_t> expected(24);
  for (std::uint64_t& word : expected) word = stream.next_u64();
  std::vector<std::uint64_t> from_start(24), from_block_two(16);
  fill_words(9, 42, 7, 5, 0, from_start);
  fill_words(9, 42, 7, 5, 2, from_block_two);
  EXPECT_EQ(from_start, expected);
  EXPECT_TRUE(std::equal(from_block_two.begin(), from_block_two.end(), expected.begin() + 8));
  std::vector<std::uint64_t> ragged(5);
  EXPECT_THROW(fill_words(9, 42, 7, 5, 0, ragged), Error);
}

}  // namespace
}  // namespace munisim
