// The report's HTML from hand-built outputs (sim/report/html_report.hpp): what it says without
// geometry, series it does not know, and a baseline of another city.
#include "sim/report/html_report.hpp"

#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "tests/report/hand_built_series.hpp"

namespace munisim {
namespace {

ReportRun run_of(const std::string& city, double collected) {
  ReportRun run;
  run.path = city + ".h5";
  run.output.text_meta = {{"city_name", city}, {"scenario_name", "pilot"}};
  run.output.dates = {"2025-01-01", "2025-01-02"};
  run.output.series.push_back(series("waste_collected_t", "t", "total", {}, {collected, 1000}));
  run.output.series.push_back(series("gadgets_made", "gadgets", "total", {}, {1500000, 2500000}));
  run.output.series.push_back(
      series("gadget_quality_share", "1", "none", {{"line", {"a", "b"}}}, {0.1, 0.2, 0.25, 0.5}));
  return run;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(HtmlReport, SaysPlainlyWhenTheOutputHasNoGeometry) {
  const std::string html = html_report(run_of("Villa", 500));
  EXPECT_TRUE(contains(html, "id=\"no-geometry\""));
  EXPECT_TRUE(contains(html, "so the report has no maps"));
  EXPECT_FALSE(contains(html, "<svg class=\"map\""));
}

TEST(HtmlReport, SeriesItDoesNotKnowAppearReadablyUnderOtherSeries) {
  const std::string html = html_report(run_of("Villa", 500));
  EXPECT_TRUE(contains(html, ">1,500 t</td>"));  // the headline: 500 + 1000 t
  const std::string other = html.substr(html.find("id=\"other\""));
  EXPECT_TRUE(contains(other, "<code>gadgets_made</code>"));
  EXPECT_TRUE(contains(other, "4,000,000 gadgets, total over the run"));
  EXPECT_TRUE(contains(other, "last day: 25.0 % to 50.0 % across 2 cells"));
}

TEST(HtmlReport, ABaselineAddsSignedDifferences) {
  const ReportRun run = run_of("Villa", 500), baseline = run_of("Villa", 700);
  const std::string html = html_report(run, &baseline);
  EXPECT_TRUE(contains(html, "data-difference=\"-200\">\u2212200.0 t</td>"));
  EXPECT_TRUE(contains(html, "\u25BC lower, worse"));
  EXPECT_TRUE(contains(html, ">\u221211.8 %</td>"));  // 200 of 1,700 t
}

TEST(CheckComparable, RefusesABaselineOfAnotherCity) {
  const ReportRun run = run_of("Villa", 500), other = run_of("Trujillo", 500);
  EXPECT_NO_THROW(check_comparable(run, run_of("Villa", 1)));
  try {
    check_comparable(run, other);
    FAIL() << "a baseline of another city was accepted";
  } catch (const InputError& error) {
    EXPECT_TRUE(contains(error.what(), "Trujillo.h5"));
    EXPECT_TRUE(contains(error.what(), "is a run of Trujillo, not of Villa"));
  }
}

TEST(CheckComparable, RefusesABaselineOfTheSameNameWithOtherDistricts) {
  ReportRun run = run_of("Villa", 500), other = run_of("Villa", 500);
  run.output.number_meta["districts"] = 4;
  other.output.number_meta["districts"] = 3;
  try {
    check_comparable(run, other);
    FAIL() << "a baseline with other districts was accepted";
  } catch (const InputError& error) {
    EXPECT_TRUE(contains(error.what(), "is a run of Villa, 3 districts, not of Villa, 4 districts"));
  }
}

}  // namespace
}  // namespace munisim
