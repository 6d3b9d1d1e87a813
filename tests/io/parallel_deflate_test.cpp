// The series' chunks are shuffled and deflated by munisim, on the run's threads, and handed to HDF5
// ready to store: the file must be the very bytes HDF5's own filters give, for any thread count.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "sim/core/parallel.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"
#include "sim/io/output_error.hpp"

namespace munisim {
namespace {

namespace fs = std::filesystem;
using namespace io_detail;

// Smooth values with noise in the low bits, which compress about as a run's series do.
std::vector<double> values(std::size_t count) {
  std::vector<double> result(count);
  for (std::size_t i = 0; i < count; ++i) result[i] = 100 * std::sin(0.001 * static_cast<double>(i)) + 1e-9 * static_cast<double>(i % 7);
  return result;
}

class ParallelDeflateTest : public ::testing::Test {
 protected:
  // Odd day counts leave a partial last chunk; "wide" spans several batches of compression and
  // more chunks than HDF5's chunk cache holds; rows of more than a chunk's values give one day per
  // chunk, and chunks larger than the cache; empty datasets are not chunked at all.
  ParallelDeflateTest() : values_(values(997 * 1200)) {
    datasets_ = {{"flat", {997}, values_.data()},         {"wide", {997, 1200}, values_.data()},
                 {"cells", {997, 3, 2}, values_.data()},  {"one_day", {1}, values_.data()},
                 {"empty", {0, 4}, values_.data()},       {"long_rows", {5, 10000}, values_.data()},
                 {"no_labels", {997, 0}, values_.data()}, {"huge_rows", {3, 140000}, values_.data()},
                 {"after", {30, 7}, values_.data()}};
  }

  static void describe(hid_t dataset) {
    write_text_attribute(dataset, "unit", "t");
    write_text_list_attribute(dataset, "dims", {"day", "cell"});
  }

  // What the writer did before it compressed chunks itself: H5Dwrite through HDF5's filters.
  FileImage with_hdf5_filters() const {
    return file_image([&](hid_t file) {
      for (const Doubles& doubles : datasets_) {
        const Handle dataset = create_dataset(file, doubles.name, H5T_NATIVE_DOUBLE, doubles.shape, Layout::compressed);
        checked(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, doubles.values), "writing");
        describe(dataset);
      }
    });
  }

  FileImage with_own_deflate(Parallelism* parallel) const {
    return file_image([&](hid_t file) {
      write_doubles(file, datasets_, parallel, [](std::size_t, hid_t dataset) { describe(dataset); });
    });
  }

  static std::vector<unsigned char> bytes(const FileImage& image) { return {image.data(), image.data() + image.size()}; }

  std::vector<double> values_;
  std::vector<Doubles> datasets_;
};

TEST_F(ParallelDeflateTest, StoresTheBytesOfHdf5sOwnFilters) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const std::vector<unsigned char> reference = bytes(with_hdf5_filters());
  ASSERT_GT(reference.size(), 1000u);
  EXPECT_EQ(bytes(with_own_deflate(nullptr)), reference);
  for (const int threads : {1, 3}) {
    Parallelism parallel(threads);
    EXPECT_EQ(bytes(with_own_deflate(&parallel)), reference) << threads << " threads";
  }
}

MetricsRegistry series(int days) {
  MetricsRegistry metrics(days);
  std::vector<std::string> labels;
  for (int i = 0; i < 900; ++i) labels.push_back("edge_" + std::to_string(i));
  const SeriesId flat_id = metrics.add({"collected_t", "t", "waste collected", {}, Summary::total});
  const SeriesId wide_id = metrics.add({"load", "t", "load by edge", {{"edge", labels}}, Summary::mean});
  Series& flat = metrics.series(flat_id);
  Series& wide = metrics.series(wide_id);
  for (int day = 0; day < days; ++day) {
    flat.set(day, 0, 0.1 * day);
    for (std::size_t cell = 0; cell < labels.size(); ++cell) wide.set(day, cell, std::sqrt(day + static_cast<double>(cell)));
  }
  return metrics;
}

OutputContent content(const MetricsRegistry& metrics) {
  OutputContent result;
  result.meta.scenario_name = "unit";
  result.meta.start_date = "2024-01-01";
  result.meta.days_planned = metrics.days();
  result.meta.days_run = metrics.days();
  result.metrics = &metrics;
  return result;
}

TEST(ParallelOutputTest, SameFileForAnyThreadCount) {
  const MetricsRegistry metrics = series(365);
  const FileImage alone = output_image(content(metrics));
  const std::vector<unsigned char> expected(alone.data(), alone.data() + alone.size());
  for (const int threads : {1, 3}) {
    Parallelism parallel(threads);
    const FileImage image = output_image(content(metrics), &parallel);
    EXPECT_EQ(std::vector<unsigned char>(image.data(), image.data() + image.size()), expected) << threads;
  }
}

// A write that dies midway (the test fault of sim/io/write_fault.hpp) or that the disk refuses
// leaves nothing under the final name, with the series compressed on several threads.
TEST(ParallelOutputTest, FailedWriteLeavesNoFile) {
  // The fault is read from the environment at a process's first write: the dying writer runs in a
  // fresh process, which the threadsafe death-test style starts by running this test from the top.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const fs::path directory = fs::temp_directory_path() / ("munisim-parallel-io-" + std::to_string(::getuid()));
  const fs::path path = directory / "run.h5";
  fs::create_directories(directory);
  fs::remove(path);
  const MetricsRegistry metrics = series(365);
  ::setenv("MUNISIM_TEST_KILL_WRITE", "run.h5:1:4096", 1);
  EXPECT_EXIT(
      {
        Parallelism parallel(3);
        write_output(path, content(metrics), &parallel);
        std::exit(0);  // the fault should have killed the writer
      },
      ::testing::KilledBySignal(SIGKILL), "");
  ::unsetenv("MUNISIM_TEST_KILL_WRITE");
  EXPECT_FALSE(fs::exists(path));
  Parallelism parallel(3);
  EXPECT_THROW(write_output(directory / "missing" / "run.h5", content(metrics), &parallel), OutputError);
  EXPECT_FALSE(fs::exists(directory / "missing" / "run.h5"));
  fs::remove_all(directory);
}

}  // namespace
}  // namespace munisim
