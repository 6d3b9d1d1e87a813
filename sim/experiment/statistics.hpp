// Summary statistics of replications: mean, sample standard deviation and the 95 % confidence
// interval of the mean from Student's t distribution (docs/experiments.md gives the formulas).
#pragma once

#include <cstddef>
#include <span>

namespace munisim {

struct SampleSummary {
  std::size_t n = 0;
  double mean = 0;
  double std = 0;  // sample standard deviation (n - 1 in the denominator); NaN when n < 2
  double ci95_low = 0;   // mean -+ t(0.975, n - 1) * std / sqrt(n); NaN when n < 2
  double ci95_high = 0;
};

// Sums in the order given, so the same values always give the same bits.
[[nodiscard]] SampleSummary summarize(std::span<const double> values);

// Paired differences (variant[i] - baseline[i], replication i sharing its seed) summarised as above.
[[nodiscard]] SampleSummary summarize_differences(std::span<const double> variant, std::span<const double> baseline);

}  // namespace munisim
