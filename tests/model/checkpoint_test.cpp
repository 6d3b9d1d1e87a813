// Checkpoint and resume: a run stopped at any day and resumed (on any thread count) ends with the
// same series and output as one that never stopped; a checkpoint that is not whole, not of this
// build or not of this scenario is refused naming the file and the failed check.
#include "sim/model/checkpoint.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "tests/support/series_bits.hpp"

namespace munisim {
namespace {

// The demo town at 1:20 with governance (departments, tickets, the ledger, opinions, a plan and
// mechanisms that switch on mid-run), a fleet that breaks down and waste measures dated inside
// the run, so that every kind of state changes over the 60 days; trucks are traced on a day before
// and a day after every checkpoint the tests take but the last; the combi fleet is spread over the
// lines each night by the day's demand.
std::vector<std::string> overrides() {
  return {"days=60",
          "output.traces.days=[10, 40]",
          "mobility.transit.fleet_allocation={mode: by_demand, vehicles: 30}",
          "city.sampling=20",
          "waste.fleet.trucks=2",
          "waste.fleet.breakdown_probability=0.05",
          "waste.measures=[{kind: route_optimisation, start_date: 2025-01-20, value: 1}, "
          "{kind: recycler_formalisation, start_date: 2025-02-10, value: 0.5}]",
          "governance.enabled=true",
          "governance.departments.citizen_services.staff=2",
          "governance.mechanisms=[{kind: joint_planning, start_date: 2025-01-15}, {kind: complaint_app, start_date: 2025-02-03}]",
          "governance.plan=[{name: electric trucks, department: waste, cost_soles: 100000, service: waste, "
          "kind: electric_share, value: 0.5}]"};
}

Scenario scenario() { return load_scenario(std::string(MUNISIM_SOURCE_DIR) + "/scenarios/demo.yaml", overrides()); }

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("munisim_checkpoint_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

std::vector<unsigned char> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// What an output holds apart from provenance (threads, wall times): must be byte-identical.
struct Result {
  testing::SeriesBits series;
  std::string scenario_text, resolved_yaml, source;
  std::vector<std::pair<std::string, std::string>> text_attrs;
  std::vector<std::pair<std::string, double>> number_attrs;
  int days_run = 0;
  Traces traces;
};

Result result_of(const Simulation& simulation) {
  Result result;
  result.series = testing::all_series(simulation);
  const OutputContent content = simulation.output();
  result.scenario_text = content.scenario_text;
  result.resolved_yaml = content.resolved_yaml;
  result.source = content.meta.scenario_source;
  result.text_attrs = content.meta.text_attrs;
  result.number_attrs = content.meta.number_attrs;
  result.days_run = content.meta.days_run;
  result.traces = content.traces.value_or(Traces{});
  return result;
}

void expect_identical(const Result& a, const Result& b) {
  ASSERT_EQ(a.series.names, b.series.names);
  EXPECT_EQ(testing::first_differing_series(a.series, b.series), "");
  EXPECT_EQ(a.scenario_text, b.scenario_text);
  EXPECT_EQ(a.resolved_yaml, b.resolved_yaml);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.text_attrs, b.text_attrs);
  EXPECT_EQ(a.days_run, b.days_run);
  EXPECT_EQ(a.traces.vehicles.name, b.traces.vehicles.name);
  ASSERT_EQ(a.traces.days.size(), b.traces.days.size());
  for (std::size_t i = 0; i < a.traces.days.size(); ++i) {
    const TraceDay& x = a.traces.days[i];
    const TraceDay& y = b.traces.days[i];
    EXPECT_EQ(x.day, y.day);
    EXPECT_EQ(x.vehicle, y.vehicle) << "traces of day " << x.day;
    EXPECT_EQ(x.edge, y.edge) << "traces of day " << x.day;
    EXPECT_EQ(x.enter_s, y.enter_s) << "traces of day " << x.day;
    EXPECT_EQ(x.exit_s, y.exit_s) << "traces of day " << x.day;
    EXPECT_EQ(x.load, y.load) << "traces of day " << x.day;
  }
  ASSERT_EQ(a.number_attrs.size(), b.number_attrs.size());
  for (std::size_t i = 0; i < a.number_attrs.size(); ++i) {
    EXPECT_EQ(a.number_attrs[i].first, b.number_attrs[i].first);
    EXPECT_EQ(std::memcmp(&a.number_attrs[i].second, &b.number_attrs[i].second, sizeof(double)), 0);
  }
}

const Result& straight(int threads) {
  static std::map<int, Result> results;
  if (!results.contains(threads)) {
    Simulation simulation(scenario(), threads);
    simulation.run();
    results[threads] = result_of(simulation);
  }
  return results[threads];
}

// Runs `day` days on `threads_before`, checkpoints, and resumes the file on `threads_after`.
std::unique_ptr<Simulation> stopped_and_resumed(int day, int threads_before, int threads_after,
                                                const std::filesystem::path& file) {
  {
    Simulation before(scenario(), threads_before);
    before.step(day);
    save_checkpoint(before, file);
  }
  return resume_simulation(file, threads_after);
}

struct Stop {
  int day, threads_before, threads_after;
};

class CheckpointResume : public ::testing::TestWithParam<Stop> {};

TEST_P(CheckpointResume, FinishesWithTheSeriesAndOutputOfAnUninterruptedRun) {
  const Stop stop = GetParam();
  const auto file = scratch("resume_" + std::to_string(stop.day) + "_" + std::to_string(stop.threads_before) + "_" +
                            std::to_string(stop.threads_after) + ".ckpt");
  auto resumed = stopped_and_resumed(stop.day, stop.threads_before, stop.threads_after, file);
  EXPECT_EQ(resumed->days_run(), stop.day);
  resumed->run();
  expect_identical(straight(stop.threads_before), result_of(*resumed));
}

// Day 23 on every pair of thread counts; the first day, the last but one, and day 31, after
// which the monthly reviews of February 1 run first thing on resuming.
INSTANTIATE_TEST_SUITE_P(Days, CheckpointResume,
                         ::testing::Values(Stop{23, 1, 1}, Stop{23, 1, 2}, Stop{23, 2, 1}, Stop{23, 2, 2},
                                           Stop{1, 2, 2}, Stop{59, 2, 1}, Stop{31, 1, 2}),
                         [](const auto& test) {
                           return "day" + std::to_string(test.param.day) + "_threads" +
                                  std::to_string(test.param.threads_before) + "to" +
                                  std::to_string(test.param.threads_after);
                         });

TEST(Checkpoint, ResumingTheSameCheckpointTwiceGivesTheSameResult) {
  const auto file = scratch("twice.ckpt");
  auto first = stopped_and_resumed(23, 2, 2, file);
  auto second = resume_simulation(file, 1);
  first->run();
  second->run();
  expect_identical(result_of(*first), result_of(*second));
}

TEST(Checkpoint, AResumedRunWritesTheSameCheckpointBytesAsAnUninterruptedOne) {
  const auto straight_file = scratch("straight40.ckpt");
  Simulation uninterrupted(scenario(), 2);
  uninterrupted.step(40);
  save_checkpoint(uninterrupted, straight_file);
  auto resumed = stopped_and_resumed(23, 1, 2, scratch("at23.ckpt"));
  resumed->step(40 - 23);
  const auto resumed_file = scratch("resumed40.ckpt");
  save_checkpoint(*resumed, resumed_file);
  EXPECT_EQ(read_file(straight_file), read_file(resumed_file));
}

TEST(Checkpoint, TheCheckpointBeforeIsKeptAsPrev) {
  const auto file = scratch("kept.ckpt");
  Simulation simulation(scenario(), 2);
  simulation.step(5);
  save_checkpoint(simulation, file);
  const auto at5 = read_file(file);
  simulation.step(5);
  save_checkpoint(simulation, file);
  EXPECT_EQ(read_file(file.string() + ".prev"), at5);
  EXPECT_EQ(resume_simulation(file.string() + ".prev", 1)->days_run(), 5);
  EXPECT_EQ(resume_simulation(file, 1)->days_run(), 10);
}

// The message of resuming `bytes` written to a file; empty when it resumed.
std::string refusal(const std::vector<unsigned char>& bytes, const std::string& name) {
  const auto file = scratch(name);
  write_file(file, bytes);
  try {
    static_cast<void>(resume_simulation(file, 1));
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
    return error.what();
  }
  return {};
}

const std::vector<unsigned char>& good_checkpoint() {
  static const std::vector<unsigned char> bytes = [] {
    const auto file = scratch("good.ckpt");
    Simulation simulation(scenario(), 2);
    simulation.step(23);
    save_checkpoint(simulation, file);
    return read_file(file);
  }();
  return bytes;
}

TEST(CheckpointRefused, TruncatedAtTwentyOffsets) {
  const auto& good = good_checkpoint();
  for (int i = 0; i < 20; ++i) {
    const std::size_t size = good.size() * static_cast<std::size_t>(i) / 20 + static_cast<std::size_t>(i % 3);
    const std::string message =
        refusal(std::vector<unsigned char>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(size)), "cut.ckpt");
    EXPECT_TRUE(message.find("magic") != std::string::npos || message.find("length") != std::string::npos)
        << size << " bytes: " << message;
  }
}

TEST(CheckpointRefused, AHundredRandomByteFlips) {
  const auto& good = good_checkpoint();
  std::mt19937_64 random(13);
  for (int i = 0; i < 100; ++i) {
    std::vector<unsigned char> bytes = good;
    const std::size_t at = random() % bytes.size();
    bytes[at] ^= static_cast<unsigned char>(1 + random() % 255);
    const std::string message = refusal(bytes, "flipped.ckpt");
    EXPECT_FALSE(message.empty()) << "a flip at byte " << at << " was not noticed";
    EXPECT_TRUE(message.find("checksum") != std::string::npos || message.find("magic") != std::string::npos ||
                message.find("format version") != std::string::npos ||
                message.find("byte order") != std::string::npos || message.find("length") != std::string::npos ||
                message.find("header") != std::string::npos)
        << "byte " << at << ": " << message;
  }
}

TEST(CheckpointRefused, ForeignFilesOtherVersionsAndOtherScenarios) {
  const auto& good = good_checkpoint();
  EXPECT_NE(refusal({'n', 'a', 'm', 'e', ':', ' ', 'x'}, "foreign.ckpt").find("magic: not a munisim checkpoint"),
            std::string::npos);

  std::vector<unsigned char> other_format = good;
  other_format[8] = 2;  // the format version follows the 8-byte magic
  EXPECT_NE(refusal(other_format, "format.ckpt").find("format version: 2"), std::string::npos);

  CheckpointImage image = decode_checkpoint(good, checkpoint_producer());
  CheckpointImage older = image;
  older.producer = "munisim 0.0.1 (v0.0.1)";
  EXPECT_NE(refusal(encode_checkpoint(older), "older.ckpt").find("producer: written by munisim 0.0.1"),
            std::string::npos);

  // The state of this run under the identity of another scenario (another seed).
  CheckpointImage other = image;
  CheckpointRun run = checkpoint_run(image);
  const std::string seed_line = "\nseed: 1\n";
  ASSERT_NE(run.resolved_yaml.find(seed_line), std::string::npos);
  run.resolved_yaml.replace(run.resolved_yaml.find(seed_line), seed_line.size(), "\nseed: 2\n");
  StateWriter writer;
  SaveArchive archive(writer);
  archive(run);
  other.sections[0].bytes = writer.take();
  EXPECT_NE(refusal(encode_checkpoint(other), "identity.ckpt").find("scenario hash"), std::string::npos);
  other.identity = fnv1a64(std::string_view(run.resolved_yaml));
  const std::string spliced = refusal(encode_checkpoint(other), "spliced.ckpt");
  EXPECT_TRUE(spliced.find("city:") != std::string::npos || spliced.find("section '") != std::string::npos)
      << spliced;
}

}  // namespace
}  // namespace munisim
