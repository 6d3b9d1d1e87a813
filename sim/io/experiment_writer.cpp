// Writes an experiment's HDF5 file in memory and then atomically, like a run's output.
#include "munisim/version.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/experiment_output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

void write_run(hid_t runs, const ExperimentRun& run) {
  const Handle group = create_group(runs, run.id);
  write_text_attribute(group, "variant", run.variant);
  write_integer_attribute(group, "replication", run.replication);
  write_integer_attribute(group, "seed", run.seed);
  write_text_list_attribute(group, "overrides", run.overrides);
  const OutputFile& output = run.output;
  const Handle scenario = create_group(group, "scenario");
  write_scalar_text(scenario, "text", output.scenario_text);
  write_scalar_text(scenario, "resolved", output.resolved_yaml);
  const Handle dates = write_texts(group, "dates", output.dates);
  write_text_attribute(dates, "unit", "date");
  const Handle series_group = create_group(group, "series");
  for (const SeriesData& series : output.series) {
    const std::vector<hsize_t> shape(series.shape.begin(), series.shape.end());
    write_doubles(series_group, series.name, shape, series.values.data(), nullptr, [&](hid_t dataset) {
      write_text_attribute(dataset, "unit", series.unit);
      write_text_attribute(dataset, "description", series.description);
      write_text_attribute(dataset, "summary", series.summary);
      write_text_list_attribute(dataset, "dims", series.dims);
      for (std::size_t i = 1; i < series.dims.size(); ++i) {
        write_text_list_attribute(dataset, "labels_" + series.dims[i], series.labels[i - 1]);
      }
    });
  }
  if (!run.tables.empty()) {
    const Handle tables = create_group(group, "tables");
    write_tables(tables, run.tables);
  }
}

}  // namespace

void write_experiment(const std::filesystem::path& path, const ExperimentContent& content) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  const FileImage image = file_image([&](hid_t file) {
    const Handle meta = create_group(file, "meta");
    write_text_attribute(meta, "munisim_version", kVersion);
    write_text_attribute(meta, "git_describe", kGitDescribe);
    write_text_attribute(meta, "kind", "experiment");
    for (const auto& [name, value] : content.text_attrs) write_text_attribute(meta, name, value);
    for (const auto& [name, value] : content.number_attrs) write_number_attribute(meta, name, value);
    write_scalar_text(meta, "spec", content.spec_text);
    const Handle runs = create_group(file, "runs");
    for (std::size_t i = 0; i < content.run_count; ++i) write_run(runs, content.run(i));
    const Handle summary = create_group(file, "summary");
    write_tables(summary, content.summary);
  });
  write_file_atomically(path, image);
}

}  // namespace munisim
