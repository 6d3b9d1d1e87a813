// Experiments whose base scenario is a world: KPIs per municipality, their national, department,
// type and municipality summaries, and the report's maps (docs/experiments.md).
#include "sim/world/world_experiment.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <regex>

#include "sim/experiment/choropleth_map.hpp"
#include "sim/experiment/comparison_report.hpp"
#include "sim/experiment/execute.hpp"
#include "sim/experiment/work_folder.hpp"
#include "sim/model/kpi.hpp"
#include "tests/support/input_error.hpp"
#include "tests/support/shared_data.hpp"

namespace munisim {
namespace {

const std::filesystem::path kWorlds = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/world";

struct Ran {
  ExperimentPlan plan;
  ExperimentResults results;
};

std::filesystem::path fresh_folder(const std::string& name) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / ("munisim-world-experiment-" + name);
  std::filesystem::remove_all(folder);
  return folder;
}

Ran run_experiment(ExperimentSpec spec, const std::string& name, std::vector<std::string> extra = {}) {
  ExperimentPlan plan = plan_experiment(std::move(spec), std::move(extra), world_runner());
  const std::filesystem::path work = fresh_folder(name);
  std::vector<std::size_t> all(plan.runs.size());
  std::iota(all.begin(), all.end(), 0);
  execute_runs(plan, work, all, {2, 1}, nullptr, {});
  ExperimentResults results = collect_results(plan, work);
  std::filesystem::remove_all(work);
  return {std::move(plan), std::move(results)};
}

std::size_t variant_index(const ExperimentPlan& plan, const std::string& name) {
  for (std::size_t v = 0; v < plan.spec.variants.size(); ++v) {
    if (plan.spec.variants[v].name == name) return v;
  }
  throw std::logic_error("no variant " + name);
}

TEST(WorldExperiment, NationalValuesAreTheMunicipalitiesAddedUpAsARunComputesThem) {
  const Ran ran = run_experiment(load_experiment_spec(kWorlds / "funding-experiment.yaml"), "direct");
  const ExperimentPlan& plan = ran.plan;
  ASSERT_TRUE(plan.world);
  ASSERT_EQ(ran.results.kpis.size(), 4u);
  // Run 4: variant formula, replication 1. The same world built and run here, directly.
  const PlannedRun& run = plan.runs[4];
  ASSERT_EQ(plan.spec.variants[run.variant].name, "formula");
  const WorldScenario scenario = run_world(plan, run);
  const std::unique_ptr<World> world = make_world(scenario, expand_municipalities(scenario), 1, nullptr);
  world->run();
  double collected = 0, coverage = 0;
  for (std::size_t m = 0; m < world->labels().size(); ++m) {
    for (const Kpi& kpi : kpis(world->city(m)->metrics(), world->days_run())) {
      if (kpi.name == "waste_collected_t") collected += kpi.value;
      if (kpi.name == "waste_collection_coverage_share") coverage += kpi.value / 3.0;
    }
  }
  const Series* transfers = world->nation_series()->find("nation_transfers_soles");
  ASSERT_NE(transfers, nullptr);
  const double paid = std::accumulate(transfers->values().begin(), transfers->values().end(), 0.0);
  EXPECT_GT(paid, 0);
  const std::vector<double>& values = ran.results.values[run.index];
  EXPECT_DOUBLE_EQ(values[0], collected);
  EXPECT_DOUBLE_EQ(values[1], coverage);  // a share: the mean over municipalities
  EXPECT_DOUBLE_EQ(values[2], paid);
  EXPECT_DOUBLE_EQ(values[3], paid);  // formula transfers are the only mechanism
  // Without a nation nothing is paid.
  EXPECT_EQ(ran.results.values[0][2], 0.0);

  // The summary is the statistics of those values, per variant; the paired difference of a copy
  // of the baseline is exactly zero, with an interval of exactly zero.
  const std::size_t kpis = ran.results.kpis.size();
  const std::size_t formula = variant_index(plan, "formula"), copy = variant_index(plan, "same-as-none");
  const KpiSummary& row = ran.results.summary[formula * kpis + 2];
  std::vector<double> drawn;
  for (int r = 0; r < 3; ++r) drawn.push_back(ran.results.values[formula * 3 + static_cast<std::size_t>(r)][2]);
  EXPECT_DOUBLE_EQ(row.value.mean, (drawn[0] + drawn[1] + drawn[2]) / 3);
  EXPECT_EQ(row.value.n, 3u);
  for (std::size_t k = 0; k < kpis; ++k) {
    const SampleSummary& difference = ran.results.summary[copy * kpis + k].difference;
    EXPECT_EQ(difference.mean, 0.0);
    EXPECT_EQ(difference.ci95_low, 0.0);
    EXPECT_EQ(difference.ci95_high, 0.0);
  }
  // Cities without a district ubigeo form one department "-" and one type "-": the nation.
  const WorldSummaries& summaries = *ran.results.world;
  ASSERT_EQ(summaries.departments.size(), 1u);
  EXPECT_EQ(summaries.departments[0].group, "-");
  for (std::size_t k = 0; k < kpis; ++k) {
    EXPECT_DOUBLE_EQ(summaries.departments[0].values[formula * kpis + k].mean,
                     ran.results.summary[formula * kpis + k].value.mean);
  }
  ASSERT_EQ(summaries.each.size(), 3u);
  double sum_of_municipalities = 0;
  for (const GroupSummary& municipality : summaries.each) sum_of_municipalities += municipality.values[formula * kpis + 2].mean;
  EXPECT_NEAR(sum_of_municipalities, row.value.mean, 1e-9 * row.value.mean);
}

TEST(WorldExperiment, AggregationRules) {
  WorldRunValues values;
  values.kpis = {{"t", "t"}, {"share", "1", KpiRule::mean}, {"soles", "soles"},
                 {"t_per_million_soles", "t/million soles", KpiRule::ratio, "t", "soles", 1e6}};
  const double nan = std::nan("");
  values.values = {{1, 0.2, 2e6, nan}, {3, nan, 0, nan}, {nan, 0.6, 2e6, nan}};
  const std::vector<std::size_t> all{0, 1, 2}, second{1};
  EXPECT_DOUBLE_EQ(aggregate(values, 0, all), 4);        // NaN: the municipality lacks it
  EXPECT_DOUBLE_EQ(aggregate(values, 1, all), 0.4);      // mean over those that have it
  EXPECT_DOUBLE_EQ(aggregate(values, 3, all), 1.0);      // 4 t over 4 million soles
  EXPECT_DOUBLE_EQ(aggregate(values, 3, second), 0.0);   // no soles: 0, as the nation's series
  EXPECT_TRUE(std::isnan(aggregate(values, 1, second)));
  // Written and read back as the run's tables.
  values.municipalities = {{"a", "A", "13", "E", 10}, {"b", "B", "13", "F", 20}, {"c", "C", "14", "G", 30}};
  const WorldRunValues back = world_run_values(world_run_tables(values));
  ASSERT_EQ(back.kpis.size(), 4u);
  EXPECT_EQ(back.kpis[3].rule, KpiRule::ratio);
  EXPECT_EQ(back.kpis[3].denominator, "soles");
  EXPECT_EQ(back.municipalities[2].incentive_type, "G");
  EXPECT_DOUBLE_EQ(back.values[1][0], 3);
}

TEST(WorldExperiment, AnUnknownWorldKeyInAVariantIsLocatedInTheSpec) {
  const std::string error = testing::input_error_of([] {
    (void)plan_experiment(load_experiment_spec_text("scenario: tiny-world.yaml\nvariants:\n  a:\n    nation.mechanisms: "
                                                    "[formula_transfers]\n  b:\n    nation.formula_transfer.floor_soles_per_yr: 3\n",
                                                    "spec.yaml", kWorlds),
                          {}, world_runner());
  });
  EXPECT_EQ(error.substr(0, 47), "spec.yaml:6:49: variants.b.nation.formula_trans") << error;
  EXPECT_NE(error.find("did you mean 'formula_transfers'"), std::string::npos) << error;
  EXPECT_EQ(testing::input_error_of([] {
              (void)load_experiment_spec_text("scenario: tiny-world.yaml\nkpis: [waste_collected_t]\nmaps: [x]\n",
                                              "spec.yaml", kWorlds);
            }),
            "spec.yaml:3:8: maps[0]: 'x' is not among kpis; a map shows one of the compared KPIs");
}

TEST(ChoroplethMap, DivergingColoursGrowWithTheMagnitude) {
  EXPECT_EQ(diverging_colour(0, 10), "#f7f7f7");
  EXPECT_EQ(diverging_colour(10, 10), "#1b7837");
  EXPECT_EQ(diverging_colour(-10, 10), "#762a83");
  EXPECT_EQ(diverging_colour(3, 0), "#f7f7f7");
  auto green = [](const std::string& colour) { return std::stoi(colour.substr(1, 2), nullptr, 16); };
  EXPECT_GT(green(diverging_colour(2, 10)), green(diverging_colour(5, 10)));  // darker with the value
}

// Trujillo province (12 municipalities from the national tables) under formula transfers alone and
// with performance incentives: departments, types and maps of Peru in the report.
TEST(WorldExperiment, ProvinceByDepartmentTypeAndMapOfPeru) {
  REQUIRE_SHARED_DATA("peru-boundaries/peru_distrital_simple.geojson");
  REQUIRE_SHARED_DATA("peru-districts/inei_municipalidades_2025.csv");
  const std::string spec_text =
      "name: province\nscenario: ../../scenarios/peru-national.yaml\nset:\n  cities[0].ubigeo: \"1301\"\n"
      "  sampling: 2000\n  municipality_scenario: nation/municipality.yaml\ndays: 20\nreplications: 2\n"
      "variants:\n  formula: {nation.mechanisms: [formula_transfers]}\n"
      "  incentives: {nation.mechanisms: [formula_transfers, performance_incentives]}\n"
      "kpis: [nation_transfers_soles, waste_collected_t]\nmaps: [nation_transfers_soles]\n";
  const Ran ran = run_experiment(load_experiment_spec_text(spec_text, "province.yaml", kWorlds), "province",
                                 {"data_dir=\"" + testing::kSharedData.string() + "\""});
  const WorldSummaries& world = *ran.results.world;
  ASSERT_EQ(world.municipalities.size(), 12u);
  ASSERT_EQ(world.departments.size(), 1u);
  EXPECT_EQ(world.departments[0].group, "13");
  EXPECT_GE(world.types.size(), 2u);  // a provincial municipality (A or B) and districts (E-G)
  // Types partition the municipalities: their sums add up to the nation's.
  for (std::size_t k = 0; k < 2; ++k) {
    double by_type = 0;
    for (const GroupSummary& type : world.types) by_type += type.values[k].mean;
    EXPECT_NEAR(by_type, ran.results.summary[k].value.mean, 1e-9 * std::abs(by_type));
  }

  const std::string html = comparison_report_html(ran.plan, ran.results);
  // One map (one KPI, one non-baseline variant): one path per district polygon of Peru.
  const ProjectedMap map = load_peru_map(testing::kSharedData);
  const std::regex district("<path d=\"[^\"]*\" fill=\"(#[0-9a-f]{6})\" data-ubigeo=\"(\\d+)\"( data-value=\"([^\"]+)\")?");
  std::map<std::string, std::pair<std::string, double>> coloured;  // ubigeo -> fill, value
  std::size_t paths = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), district); it != std::sregex_iterator(); ++it) {
    ++paths;
    if ((*it)[4].matched) coloured[(*it)[2]] = {(*it)[1], std::stod((*it)[4])};
  }
  EXPECT_EQ(paths, map.districts.size());
  EXPECT_EQ(map.districts.size(), 1826u);  // 1,834 features, 8 without geometry (SOURCE.md)
  // Every municipality of the province that the 2007 polygons have is coloured, by its difference.
  EXPECT_GE(coloured.size(), 11u);  // Alto Trujillo (130112) is newer than the polygons
  double extent = 0;
  for (const auto& [code, entry] : coloured) extent = std::max(extent, std::abs(entry.second));
  const std::size_t kpis = ran.results.kpis.size();
  for (std::size_t m = 0; m < world.municipalities.size(); ++m) {
    const auto found = coloured.find(world.municipalities[m].label);
    if (found == coloured.end()) continue;
    EXPECT_NEAR(found->second.second, world.each[m].differences[1 * kpis + 0].mean,
                1e-5 * std::max(1.0, std::abs(found->second.second)));
    EXPECT_EQ(found->second.first, diverging_colour(found->second.second, extent));
  }
  EXPECT_NE(html.find("data-department=\"13\""), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"departments\">By department</h2>"), std::string::npos);
  EXPECT_NE(html.find("13 LA LIBERTAD"), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"types\">By municipality type</h2>"), std::string::npos);
  EXPECT_NE(html.find("Soles paid by mechanism"), std::string::npos);
}

}  // namespace
}  // namespace munisim
