#include "sim/io/output.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "sim/core/error.hpp"
#include "sim/io/output_error.hpp"
#include "tests/support/child_process.hpp"

namespace munisim {
namespace {

namespace fs = std::filesystem;

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("munisim-io-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  // Names in the directory other than `keep`: temporary files must never be left behind.
  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory_)) names.push_back(entry.path().filename().string());
    return names;
  }

  static OutputContent content(const MetricsRegistry& metrics, int days_run) {
    OutputContent result;
    result.meta.scenario_name = "unit";
    result.meta.seed = 42;
    result.meta.threads = 3;
    result.meta.start_date = "2024-02-28";
    result.meta.days_planned = metrics.days();
    result.meta.days_run = days_run;
    result.meta.text_attrs = {{"city_source", "synthetic"}};
    result.meta.number_attrs = {{"network_nodes", 16}};
    result.scenario_text = "name: unit\n# ñandú\n";
    result.resolved_yaml = "name: \"unit\"\n";
    result.metrics = &metrics;
    Table districts{.name = "districts"};
    districts.texts = {{"name", {"Norte", "Víctor Larco"}}};
    districts.numbers = {{"area_km2", "km2", {1.5, 2.25}}};
    districts.ints = {{"nodes", {3, 4}}};
    result.geometry = {districts};
    return result;
  }

  fs::path directory_;
};

MetricsRegistry two_series(int days) {
  MetricsRegistry metrics(days);
  const SeriesId flat_id = metrics.add({"collected_t", "t", "waste collected", {}, Summary::total});
  const SeriesId split_id = metrics.add({"trips",
                                         "trips",
                                         "trips by district and gender",
                                         {{"district", {"a", "b", "c"}}, {"gender", {"female", "male"}}},
                                         Summary::mean});
  // References only once every series is added: adding one may move the others.
  Series& flat = metrics.series(flat_id);
  Series& split = metrics.series(split_id);
  for (int day = 0; day < days; ++day) {
    flat.set(day, 0, 0.1 * day);
    for (std::size_t cell = 0; cell < 6; ++cell) split.set(day, cell, day * 10.0 + static_cast<double>(cell) / 3);
  }
  return metrics;
}

TEST_F(OutputTest, WritesAndReadsBackEveryValueAndAttribute) {
  const MetricsRegistry metrics = two_series(5);
  const fs::path path = directory_ / "run.h5";
  write_output(path, content(metrics, 4));
  ASSERT_TRUE(fs::exists(path));
  EXPECT_EQ(leftovers(), (std::vector<std::string>{"run.h5"}));

  const OutputFile file = read_output(path);
  EXPECT_EQ(file.text_meta.at("scenario_name"), "unit");
  EXPECT_EQ(file.text_meta.at("city_source"), "synthetic");
  EXPECT_EQ(file.number_meta.at("seed"), 42);
  EXPECT_EQ(file.number_meta.at("threads"), 3);
  EXPECT_EQ(file.number_meta.at("days_run"), 4);
  EXPECT_EQ(file.number_meta.at("network_nodes"), 16);
  EXPECT_FALSE(file.text_meta.at("munisim_version").empty());
  EXPECT_EQ(file.scenario_text, "name: unit\n# ñandú\n");
  EXPECT_EQ(file.dates, (std::vector<std::string>{"2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"}));
  EXPECT_EQ(file.geometry_tables, (std::vector<std::string>{"districts"}));

  ASSERT_EQ(file.series.size(), 2u);
  const SeriesData& trips = file.series[1];
  EXPECT_EQ(trips.name, "trips");
  EXPECT_EQ(trips.unit, "trips");
  EXPECT_EQ(trips.summary, "mean");
  EXPECT_EQ(trips.dims, (std::vector<std::string>{"day", "district", "gender"}));
  EXPECT_EQ(trips.labels[1], (std::vector<std::string>{"female", "male"}));
  EXPECT_EQ(trips.shape, (std::vector<std::size_t>{4, 3, 2}));
  const Series& original = metrics.all()[1];
  for (std::size_t i = 0; i < trips.values.size(); ++i) EXPECT_EQ(trips.values[i], original.values()[i]);
}

TEST_F(OutputTest, ZeroDaysStillGivesAValidFile) {
  const MetricsRegistry metrics = two_series(3);
  write_output(directory_ / "empty.h5", content(metrics, 0));
  const OutputFile file = read_output(directory_ / "empty.h5");
  EXPECT_EQ(file.series[0].shape, (std::vector<std::size_t>{0}));
  EXPECT_TRUE(file.dates.empty());
}

TEST_F(OutputTest, SameContentGivesTheSameBytes) {
  // No object records a modification time, so a second write a second later is identical.
  const MetricsRegistry metrics = two_series(3);
  write_output(directory_ / "a.h5", content(metrics, 3));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  write_output(directory_ / "b.h5", content(metrics, 3));
  auto bytes = [](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(bytes(directory_ / "a.h5"), bytes(directory_ / "b.h5"));
}

TEST_F(OutputTest, UnwritableLocationFailsWithItsErrnoAndLeavesNothing) {
  const MetricsRegistry metrics = two_series(2);
  const fs::path blocker = directory_ / "file";
  std::ofstream(blocker) << "not a directory";
  for (const auto& [path, reason] :
       {std::pair{blocker / "run.h5", "(ENOTDIR)"}, std::pair{directory_ / "missing" / "run.h5", "(ENOENT)"}}) {
    try {
      write_output(path, content(metrics, 2));
      ADD_FAILURE() << path << " was written";
    } catch (const OutputError& error) {
      EXPECT_NE(std::string(error.what()).find("cannot write '" + path.string() + "'"), std::string::npos);
      EXPECT_NE(std::string(error.what()).find(reason), std::string::npos) << error.what();
    }
  }
  EXPECT_EQ(leftovers(), (std::vector<std::string>{"file"}));
}

// A file-size limit makes the disk refuse the write midway (EFBIG), as a full disk would.
TEST_F(OutputTest, FileSizeLimitFailsCleanlyWithoutPartialFiles) {
  const MetricsRegistry metrics = two_series(200000);  // about 11 MB of values before compression
  const fs::path path = directory_ / "big.h5";
  const test_support::ChildResult child = test_support::run_in_child([&] {
    const rlimit limit{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      write_output(path, content(metrics, 200000));
      return 3;  // the write should not have succeeded
    } catch (const OutputError& error) {
      return std::string(error.what()).find("File too large (EFBIG)") != std::string::npos ? 0 : 4;
    }
  });
  ASSERT_TRUE(child.exited) << "the writer must not die of SIGXFSZ (signal " << child.signal << ")";
  EXPECT_EQ(child.code, 0);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputTest, ReadingSomethingElseIsAnInputError) {
  EXPECT_THROW((void)read_output(directory_ / "missing.h5"), InputError);
  std::ofstream(directory_ / "text.h5") << "hello";
  try {
    (void)read_output(directory_ / "text.h5");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("is not an HDF5 file"), std::string::npos);
  }
}

}  // namespace
}  // namespace munisim
