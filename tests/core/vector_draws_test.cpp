// The vectorised lognormal block agrees with the per-agent scalar path (fill_normal, then exp) in
// distribution, not bit for bit: the same model, drawn from other words.
#include "sim/core/vector_draws.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr double kMu = -0.045, kSigma = 0.3;  // the waste service's defaults: mean 1
constexpr std::size_t kBlocks = 50;           // 204,800 draws

std::vector<double> vector_path() {
  std::vector<double> factors(kBlocks * kBlockSize);
  for (std::size_t b = 0; b < kBlocks; ++b) {
    fill_lognormal_block(11, b * kBlockSize, 3, 7, kMu, kSigma,
                         std::span<double>(factors.data() + b * kBlockSize, kBlockSize));
  }
  return factors;
}

std::vector<double> scalar_path() {
  std::vector<double> normals(kBlocks * kBlockSize);
  fill_normal(11, 0, 3, 7, normals);
  for (double& value : normals) value = std::exp(kMu + kSigma * value);
  return normals;
}

// Two-sample Kolmogorov-Smirnov statistic.
double ks_distance(std::vector<double> a, std::vector<double> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  double distance = 0;
  const auto na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] <= b[j]) {
      ++i;
    } else {
      ++j;
    }
    distance = std::max(distance, std::abs(static_cast<double>(i) / na - static_cast<double>(j) / nb));
  }
  return distance;
}

TEST(LognormalBlock, HasTheLognormalsMeanAndVarianceWithinSamplingError) {
  const std::vector<double> factors = vector_path();
  const double n = static_cast<double>(factors.size());
  double sum = 0, squares = 0;
  for (double f : factors) sum += f, squares += f * f;
  const double mean = sum / n, variance = squares / n - mean * mean;
  const double expected_mean = std::exp(kMu + kSigma * kSigma / 2);
  const double expected_variance = (std::exp(kSigma * kSigma) - 1) * expected_mean * expected_mean;
  EXPECT_NEAR(mean, expected_mean, 5 * std::sqrt(expected_variance / n));
  EXPECT_NEAR(variance, expected_variance, 0.02 * expected_variance);
}

TEST(LognormalBlock, AgreesInDistributionWithTheScalarPath) {
  // KS critical value at alpha = 0.001 for two samples of n: 1.95 sqrt(2 / n).
  const std::vector<double> fast = vector_path(), scalar = scalar_path();
  EXPECT_LT(ks_distance(fast, scalar), 1.95 * std::sqrt(2.0 / static_cast<double>(fast.size())));
}

TEST(LognormalBlock, CosineAndSineHalvesAreUncorrelated) {
  // Agents p and kBlockSize / 2 + p share a Box-Muller pair; their normals must be independent.
  std::vector<double> factors(kBlockSize);
  double product = 0, left = 0, right = 0, left2 = 0, right2 = 0, pairs = 0;
  for (std::size_t b = 0; b < kBlocks; ++b) {
    fill_lognormal_block(5, b * kBlockSize, 0, 1, 0, 1, factors);
    for (std::size_t p = 0; p < kBlockSize / 2; ++p) {
      const double x = std::log(factors[p]), y = std::log(factors[kBlockSize / 2 + p]);
      product += x * y, left += x, right += y, left2 += x * x, right2 += y * y, pairs += 1;
    }
  }
  const double covariance = product / pairs - left / pairs * right / pairs;
  const double correlation =
      covariance / std::sqrt((left2 / pairs - left * left / pairs / pairs) * (right2 / pairs - right * right / pairs / pairs));
  EXPECT_NEAR(correlation, 0.0, 5 / std::sqrt(pairs));
}

TEST(LognormalBlock, AnAgentsFactorDependsOnlyOnItsIndex) {
  std::vector<double> whole(kBlockSize), part(100);
  fill_lognormal_block(2, 3 * kBlockSize, 9, 4, kMu, kSigma, whole);
  fill_lognormal_block(2, 3 * kBlockSize, 9, 4, kMu, kSigma, part);
  for (std::size_t i = 0; i < part.size(); ++i) EXPECT_EQ(part[i], whole[i]);
}

TEST(LognormalBlock, RefusesARangeThatIsNotOneBlock) {
  std::vector<double> out(10), too_long(kBlockSize + 1);
  EXPECT_THROW(fill_lognormal_block(1, 5, 0, 0, 0, 1, out), Error);
  EXPECT_THROW(fill_lognormal_block(1, 0, 0, 0, 0, 1, too_long), Error);
}

}  // namespace
}  // namespace munisim
