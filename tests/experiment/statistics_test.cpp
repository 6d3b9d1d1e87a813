#include "sim/experiment/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace munisim {
namespace {

TEST(Statistics, MeanStdAndStudentIntervalOfFourValues) {
  // 1, 2, 3, 4: mean 2.5, s^2 = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3, t(0.975, 3) = 3.182446305284263.
  const std::vector<double> values{1, 2, 3, 4};
  const SampleSummary s = summarize(values);
  EXPECT_EQ(s.n, 4u);
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(5.0 / 3.0));
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  EXPECT_NEAR(s.ci95_low, 2.5 - half, 1e-12);
  EXPECT_NEAR(s.ci95_high, 2.5 + half, 1e-12);
}

TEST(Statistics, TwoValuesUseTwelvePointSevenOne) {
  // t(0.975, 1) = 12.706204736174698; s = |b - a| / sqrt(2); half width = t * s / sqrt(2) = t * |b - a| / 2.
  const std::vector<double> values{10, 14};
  const SampleSummary s = summarize(values);
  EXPECT_DOUBLE_EQ(s.mean, 12);
  EXPECT_NEAR(s.ci95_high - s.mean, 12.706204736174698 * 2, 1e-10);
}

TEST(Statistics, OneValueHasNoSpreadOrInterval) {
  const std::vector<double> values{7};
  const SampleSummary s = summarize(values);
  EXPECT_EQ(s.mean, 7);
  EXPECT_TRUE(std::isnan(s.std));
  EXPECT_TRUE(std::isnan(s.ci95_low));
}

TEST(Statistics, PairedDifferencesRemoveTheSharedPart) {
  // Replication noise shared by both variants (common random numbers) cancels: the variant is the
  // baseline plus 1 + a little, so the paired interval is narrow although each sample spreads widely.
  const std::vector<double> baseline{100, 200, 300};
  const std::vector<double> variant{101, 202, 303};
  const SampleSummary d = summarize_differences(variant, baseline);
  EXPECT_DOUBLE_EQ(d.mean, 2);
  EXPECT_DOUBLE_EQ(d.std, 1);
  const double half = 4.302652729749464 * 1 / std::sqrt(3.0);  // t(0.975, 2)
  EXPECT_NEAR(d.ci95_low, 2 - half, 1e-12);
  EXPECT_NEAR(d.ci95_high, 2 + half, 1e-12);
}

TEST(Statistics, IdenticalSamplesDifferByExactlyZero) {
  const std::vector<double> values{0.1, 0.7, 1e9 + 0.3};
  const SampleSummary d = summarize_differences(values, values);
  EXPECT_EQ(d.mean, 0.0);
  EXPECT_EQ(d.std, 0.0);
  EXPECT_EQ(d.ci95_low, 0.0);
  EXPECT_EQ(d.ci95_high, 0.0);
}

}  // namespace
}  // namespace munisim
