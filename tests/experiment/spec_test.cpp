#include "sim/experiment/spec.hpp"

#include <gtest/gtest.h>

#include "sim/experiment/cluster.hpp"
#include "sim/experiment/execute.hpp"
#include "sim/experiment/plan.hpp"
#include "tests/support/input_error.hpp"

namespace munisim {
namespace {

using testing::input_error_of;

const std::filesystem::path kScenarios = std::filesystem::path(MUNISIM_SOURCE_DIR) / "scenarios";

ExperimentSpec spec_of(const std::string& yaml) { return load_experiment_spec_text(yaml, "exp.yaml", kScenarios); }

TEST(ExperimentSpec, VariantsGridAndBaseline) {
  const ExperimentSpec spec = spec_of(
      "scenario: demo.yaml\nset: {days: 3}\nreplications: 2\nbaseline: more\n"
      "variants:\n  base:\n  more: {waste.fleet.trucks: 5}\n"
      "grid:\n  waste.collection.days_per_week: [2, 6]\n");
  ASSERT_EQ(spec.variants.size(), 4u);
  EXPECT_EQ(spec.variants[0].name, "base,days_per_week=2");
  EXPECT_EQ(spec.variants[3].name, "more,days_per_week=6");
  EXPECT_EQ(spec.baseline, 2u);  // "more" combined with the grid's first point
  const std::vector<Override>& overrides = spec.variants[3].overrides;
  ASSERT_EQ(overrides.size(), 3u);
  EXPECT_EQ(overrides[0].assignment, "days=3");  // the global set comes first
  EXPECT_EQ(overrides[1].assignment, "waste.fleet.trucks=5");
  EXPECT_EQ(overrides[2].assignment, "waste.collection.days_per_week=6");
  EXPECT_EQ(overrides[2].where.to_string(), "exp.yaml:9:39");
}

TEST(ExperimentSpec, GridAloneNamesPointsByTheirLastKey) {
  const ExperimentSpec spec =
      spec_of("scenario: demo.yaml\ngrid:\n  waste.fleet.trucks: [2, 3]\n  governance.model: [siloed, integrated]\n");
  ASSERT_EQ(spec.variants.size(), 4u);
  EXPECT_EQ(spec.variants[1].name, "trucks=2,model=integrated");
  EXPECT_EQ(spec.baseline, 0u);
}

TEST(ExperimentSpec, ErrorsAreLocatedWithTheKeyPath) {
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: demo.yaml\nreplicatons: 3\n"); }),
            "exp.yaml:2:1: replicatons: unknown key 'replicatons'; did you mean 'replications'?");
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: demo.yaml\ngrid:\n  waste.fleet.trucks: []\n"); }),
            "exp.yaml:3:23: grid.waste.fleet.trucks: has no values; expected a list of at least one");
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: demo.yaml\nreplications: 0\n"); }),
            "exp.yaml:2:15: replications: 0 is below the minimum 1");
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: demo.yaml\nvariants: {siloed: , integrated: }\nbaseline: x\n"); }),
            "exp.yaml:3:11: baseline: 'x' is not a variant; expected one of: siloed, integrated");
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: demo.yaml\nvariants: {siloed: , integrated: }\nbaseline: siloe\n"); }),
            "exp.yaml:3:11: baseline: 'siloe' is not a variant; did you mean 'siloed'?");
  EXPECT_EQ(input_error_of([] { (void)spec_of("scenario: nowhere.yaml\n"); }).substr(0, 32),
            "exp.yaml:1:11: scenario: cannot ");
}

TEST(ExperimentPlan, OverrideMistakesPointAtTheSpecLine) {
  const std::string unknown = input_error_of([] {
    (void)plan_experiment(spec_of("scenario: demo.yaml\nvariants:\n  a:\n    waste.fleet.truks: 4\n"));
  });
  EXPECT_EQ(unknown, "exp.yaml:4:24: variants.a.waste.fleet.truks: unknown key 'truks'; did you mean 'trucks'?");
  const std::string range = input_error_of([] {
    (void)plan_experiment(spec_of("scenario: demo.yaml\ngrid:\n  waste.fleet.trucks: [2, -1]\n"));
  });
  EXPECT_EQ(range.substr(0, 52), "exp.yaml:3:27: grid.waste.fleet.trucks[1]: -1 is not");
}

TEST(ExperimentPlan, ReplicationIUsesTheSameSeedInEveryVariant) {
  const ExperimentPlan plan = plan_experiment(
      spec_of("scenario: demo.yaml\nreplications: 3\nvariants:\n  a:\n  b: {waste.fleet.trucks: 4}\n"));
  ASSERT_EQ(plan.runs.size(), 6u);
  EXPECT_EQ(plan.first_seed, 1);  // demo.yaml's seed
  for (const PlannedRun& run : plan.runs) {
    EXPECT_EQ(run.seed, 1 + run.replication);
    EXPECT_EQ(run.variant, run.index / 3);
    EXPECT_EQ(run_scenario(plan, run).scenario.config.seed, run.seed);
  }
  EXPECT_EQ(run_scenario(plan, plan.runs[4]).scenario.config.waste.fleet.trucks, 4);
}

TEST(ExperimentParallelism, RunsFirstThenThreads) {
  EXPECT_EQ(choose_parallelism(8, 20, 0, 0).jobs, 8);
  EXPECT_EQ(choose_parallelism(8, 20, 0, 0).threads, 1);
  EXPECT_EQ(choose_parallelism(8, 2, 0, 0).jobs, 2);
  EXPECT_EQ(choose_parallelism(8, 2, 0, 0).threads, 4);
  EXPECT_EQ(choose_parallelism(8, 20, 0, 4).jobs, 2);
  EXPECT_EQ(choose_parallelism(8, 20, 3, 0).threads, 2);
  EXPECT_EQ(choose_parallelism(2, 0, 0, 0).jobs, 1);
}

TEST(ExperimentCluster, RanksTakeEveryKthPendingRun) {
  const std::vector<std::size_t> pending{0, 2, 3, 5, 8};
  EXPECT_EQ(share_of(pending, 0, 2), (std::vector<std::size_t>{0, 3, 8}));
  EXPECT_EQ(share_of(pending, 1, 2), (std::vector<std::size_t>{2, 5}));
}

}  // namespace
}  // namespace munisim
