#include "sim/experiment/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {

SampleSummary summarize(std::span<const double> values) {
  SampleSummary summary;
  summary.n = values.size();
  if (values.empty()) throw Error("summarize: no values");
  double sum = 0;
  for (double value : values) sum += value;
  summary.mean = sum / static_cast<double>(summary.n);
  if (summary.n < 2) {
    summary.std = summary.ci95_low = summary.ci95_high = std::numeric_limits<double>::quiet_NaN();
    return summary;
  }
  double squares = 0;
  for (double value : values) squares += (value - summary.mean) * (value - summary.mean);
  const double degrees = static_cast<double>(summary.n - 1);
  summary.std = std::sqrt(squares / degrees);
  const double t = boost::math::quantile(boost::math::students_t_distribution<double>(degrees), 0.975);
  const double half_width = t * summary.std / std::sqrt(static_cast<double>(summary.n));
  summary.ci95_low = summary.mean - half_width;
  summary.ci95_high = summary.mean + half_width;
  return summary;
}

SampleSummary summarize_differences(std::span<const double> variant, std::span<const double> baseline) {
  if (variant.size() != baseline.size()) throw Error("summarize_differences: unpaired samples");
  std::vector<double> differences(variant.size());
  for (std::size_t i = 0; i < variant.size(); ++i) differences[i] = variant[i] - baseline[i];
  return summarize(differences);
}

}  // namespace munisim
