#include "sim/core/metrics.hpp"

#include <gtest/gtest.h>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

TEST(Metrics, SeriesAreDayMajorOverTheirDimensions) {
  MetricsRegistry metrics(3);
  const SeriesId id = metrics.add(
      {"trips", "trips", "trips made", {{"mode", {"walk", "bus"}}, {"gender", {"f", "m"}}}, Summary::total});
  Series& series = metrics.series(id);
  EXPECT_EQ(series.cells(), 4u);
  series.set(1, 3, 5.0);  // day 1, mode bus, gender m
  EXPECT_EQ(series.values()[1 * 4 + 3], 5.0);
  EXPECT_EQ(series.get(1, 3), 5.0);
  EXPECT_EQ(metrics.find("trips"), &series);
  EXPECT_EQ(metrics.find("nothing"), nullptr);
}

TEST(Metrics, SummariesOverTheDaysRun) {
  MetricsRegistry metrics(4);
  Series& series = metrics.series(metrics.add({"stock_t", "t", "stock", {{"zone", {"a", "b"}}}, Summary::last}));
  for (int day = 0; day < 4; ++day) {
    series.set(day, 0, day);
    series.set(day, 1, 10);
  }
  EXPECT_EQ(series.summarise(3), 12.0);  // last day run = day 2: 2 + 10
  EXPECT_EQ(summarise(Summary::total, series.values(), 2, 3), 33.0);
  EXPECT_EQ(summarise(Summary::mean, series.values(), 2, 4), 11.5);
  EXPECT_EQ(summarise(Summary::none, series.values(), 2, 4), 0.0);
  EXPECT_EQ(summary_from_name("mean"), Summary::mean);
  EXPECT_FALSE(summary_from_name("median"));
}

TEST(Metrics, RejectsDuplicatesAndMissingUnits) {
  MetricsRegistry metrics(1);
  metrics.add({"a", "t", "", {}, Summary::none});
  EXPECT_THROW(metrics.add({"a", "t", "", {}, Summary::none}), Error);
  EXPECT_THROW(metrics.add({"b", "", "", {}, Summary::none}), Error);
}

}  // namespace
}  // namespace munisim
