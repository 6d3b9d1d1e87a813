// Grouping an output's series into the report's headline sections (sim/report/headlines.hpp) and
// splitting them by group (sim/report/group_splits.hpp), on hand-built outputs with known values.
#include "sim/report/headlines.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/report/group_splits.hpp"
#include "tests/report/hand_built_series.hpp"

namespace munisim {
namespace {

using ::testing::ElementsAre;

const std::vector<std::string> kDistricts{"Centro", "Norte"};
const std::vector<std::string> kGenders{"female", "male"};

OutputFile hand_built() {
  OutputFile file;
  // Two days, two districts: 10 + 20 + 30 + 40 t collected.
  file.series.push_back(series("waste_collected_t", "t", "total", {{"district", kDistricts}}, {10, 20, 30, 40}));
  file.series.push_back(series("waste_street_stock_t", "t", "last", {{"district", kDistricts}}, {1, 2, 3, 4}));
  file.series.push_back(series("waste_collection_coverage_share", "1", "last", {}, {0.5, 0.75}));
  file.series.push_back(series("waste_emissions_tco2e", "tCO2e", "total", {{"source", {"fuel"}}}, {1, 2}));
  file.series.push_back(series("mobility_emissions_tco2e", "tCO2e", "total", {}, {10, 20}));
  file.series.push_back(series("complaints_answered", "complaints", "total", {}, {2, 2}));
  file.series.push_back(series("complaints_answer_wait_days", "complaint-days", "total", {}, {10, 30}));
  file.series.push_back(series("waste_cost_soles", "soles", "total", {}, {1000, 3000}));
  // Intensive and split: a mean wait per gender is never summed over genders.
  file.series.push_back(series("mobility_transit_wait_min", "min", "mean", {{"gender", kGenders}}, {4, 6, 8, 10}));
  file.series.push_back(series("unknown_widgets", "widgets", "total", {}, {7, 8}));
  return file;
}

std::vector<std::string> ids(const HeadlineSection& section) {
  std::vector<std::string> names;
  for (const Headline& row : section.rows) names.push_back(row.id);
  return names;
}

TEST(HeadlineSections, GroupsKnownSeriesByServiceClimateAndMoneyInTheReportsOrder) {
  const std::vector<HeadlineSection> sections = headline_sections(hand_built());
  ASSERT_EQ(sections.size(), 4u);  // no transport headline: the wait is split by gender
  EXPECT_EQ(sections[0].topic, Topic::waste);
  EXPECT_THAT(ids(sections[0]),
              ElementsAre("waste_collected_t", "waste_collection_coverage_share", "waste_street_stock_t"));
  EXPECT_EQ(sections[1].topic, Topic::citizen_services);
  EXPECT_THAT(ids(sections[1]), ElementsAre("complaints_answered", "complaints_mean_answer_days"));
  EXPECT_EQ(sections[2].topic, Topic::climate);
  EXPECT_THAT(ids(sections[2]),
              ElementsAre("waste_emissions_tco2e", "mobility_emissions_tco2e", "emissions_all_services_tco2e"));
  EXPECT_EQ(sections[3].topic, Topic::money);
}

TEST(HeadlineSections, ValuesAreCondensedAsEachSeriesSummarySays) {
  const std::vector<HeadlineSection> sections = headline_sections(hand_built());
  const HeadlineSection& waste = sections[0];
  EXPECT_DOUBLE_EQ(waste.rows[0].value, 100);   // total over days and districts
  EXPECT_DOUBLE_EQ(waste.rows[1].value, 0.75);  // last day
  EXPECT_DOUBLE_EQ(waste.rows[2].value, 7);     // last day, summed over districts
  EXPECT_THAT(waste.rows[0].daily, ElementsAre(30, 70));
  EXPECT_EQ(waste.rows[0].better, Better::higher);
  EXPECT_EQ(waste.rows[2].better, Better::lower);
  EXPECT_EQ(waste.rows[0].meaning, "what waste_collected_t counts; total over the run");
  const Headline& answer = sections[1].rows[1];
  EXPECT_DOUBLE_EQ(answer.value, 10);  // 40 complaint-days over 4 complaints
  EXPECT_EQ(answer.unit, "days");
  const Headline& emissions = sections[2].rows[2];
  EXPECT_DOUBLE_EQ(emissions.value, 33);
  EXPECT_THAT(emissions.daily, ElementsAre(11, 22));
  EXPECT_DOUBLE_EQ(sections[3].rows[0].value, 4000);
}

TEST(OtherSeries, EverySeriesNoHeadlineUsesInTheFilesOrder) {
  const OutputFile file = hand_built();
  std::vector<std::string> names;
  for (const SeriesData* other : other_series(file, headline_sections(file))) names.push_back(other->name);
  EXPECT_THAT(names, ElementsAre("mobility_transit_wait_min", "unknown_widgets"));
}

TEST(CondensedValue, IntensiveSeriesOverSeveralGroupsHaveNoSingleValue) {
  const OutputFile file = hand_built();
  EXPECT_FALSE(condensed_value(*find_series(file, "mobility_transit_wait_min")));
  EXPECT_DOUBLE_EQ(*condensed_value(*find_series(file, "unknown_widgets")), 15);
  EXPECT_TRUE(is_intensive_unit("1"));
  EXPECT_FALSE(is_intensive_unit("t"));
}

TEST(SplitBy, ExtensiveSeriesAreSummedOverTheOtherDimensions) {
  const SeriesData trips = series("trips", "trips", "total", {{"mode", {"walk", "bus", "car"}}, {"gender", kGenders}},
                                  {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60});
  const GroupSplit split = *split_by(trips, "gender");
  EXPECT_THAT(split.columns, ElementsAre("female", "male"));
  ASSERT_EQ(split.values.size(), 1u);
  EXPECT_THAT(split.values[0], ElementsAre(1 + 3 + 5 + 10 + 30 + 50, 2 + 4 + 6 + 20 + 40 + 60));
  EXPECT_EQ(split.how, "total over the run");
  EXPECT_THAT(split_by(trips, "mode")->values[0], ElementsAre(33, 77, 121));
  EXPECT_FALSE(split_by(trips, "income_group"));
}

TEST(SplitBy, IntensiveSeriesKeepTheirValuesPerGroup) {
  const OutputFile file = hand_built();
  const GroupSplit wait = *split_by(*find_series(file, "mobility_transit_wait_min"), "gender");
  EXPECT_THAT(wait.values[0], ElementsAre(6, 8));  // mean over the two days, per gender
  EXPECT_EQ(wait.how, "mean per day");
  const SeriesData share = series("mode_share", "1", "none", {{"gender", kGenders}, {"mode", {"walk", "bus"}}},
                                  {0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6});
  const GroupSplit modes = *split_by(share, "gender");
  EXPECT_EQ(modes.row_dim, "mode");
  EXPECT_THAT(modes.rows, ElementsAre("walk", "bus"));
  EXPECT_THAT(modes.values[0], ElementsAre(0.3, 0.4));  // the last day
  EXPECT_THAT(modes.values[1], ElementsAre(0.7, 0.6));
  const SeriesData three =
      series("trust", "1", "none", {{"district", kDistricts}, {"gender", kGenders}, {"income_group", {"low"}}},
             {0.5, 0.5, 0.5, 0.5});
  EXPECT_FALSE(split_by(three, "gender"));  // a mean over districts would need weights the series lacks
}

}  // namespace
}  // namespace munisim
