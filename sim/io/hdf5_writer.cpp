// Writes a run's output as HDF5. The file is built in memory (HDF5's core driver without a backing
// store) and its image is then written to disk by write_file_atomically, so HDF5 never writes to
// disk and a disk error never enters HDF5's close path: 1.10.8 reports success from H5Fclose after
// a failed disk-full write and can crash closing after EFBIG. Closing the in-memory file after an
// HDF5 error is safe, as nothing of it is on disk. Objects carry no modification times, so the
// same run gives the same bytes apart from the provenance attributes of /meta.
#include <unistd.h>

#include <array>

#include "munisim/version.hpp"
#include "sim/core/calendar.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/detail/run_writer.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

std::string host_name() {
  std::array<char, 256> name{};
  return ::gethostname(name.data(), name.size() - 1) == 0 ? name.data() : "unknown";
}

}  // namespace

void io_detail::write_meta(hid_t file, const RunMeta& meta, const std::string& scenario_text,
                           const std::string& resolved_yaml, const std::vector<Table>& meta_tables) {
  const Handle group = create_group(file, "meta");
  write_text_attribute(group, "munisim_version", kVersion);
  write_text_attribute(group, "git_describe", kGitDescribe);
  write_integer_attribute(group, "format_version", kOutputFormatVersion);
  write_text_attribute(group, "scenario_name", meta.scenario_name);
  write_text_attribute(group, "scenario_source", meta.scenario_source);
  write_integer_attribute(group, "seed", meta.seed);
  write_integer_attribute(group, "threads", meta.threads);
  write_integer_attribute(group, "ranks", meta.ranks);
  write_text_attribute(group, "start_date", meta.start_date);
  write_integer_attribute(group, "days_planned", meta.days_planned);
  write_integer_attribute(group, "days_run", meta.days_run);
  write_text_attribute(group, "wall_start_utc", meta.wall_start_utc);
  write_text_attribute(group, "wall_end_utc", meta.wall_end_utc);
  write_number_attribute(group, "wall_seconds", meta.wall_seconds);
  write_text_attribute(group, "host", host_name());
  for (const auto& [name, value] : meta.text_attrs) write_text_attribute(group, name, value);
  for (const auto& [name, value] : meta.number_attrs) write_number_attribute(group, name, value);

  const Handle scenario = create_group(group, "scenario");
  write_scalar_text(scenario, "text", scenario_text);
  write_scalar_text(scenario, "resolved", resolved_yaml);

  std::vector<std::string> dates;
  const Calendar calendar(Date::parse(meta.start_date).value_or(Date{}));
  for (int day = 0; day < meta.days_run; ++day) dates.push_back(calendar.date(day).to_string());
  const Handle dataset = write_texts(group, "dates", dates);
  write_text_attribute(dataset, "unit", "date");
  write_tables(group, meta_tables);
}

void io_detail::write_series(hid_t file, const MetricsRegistry& metrics, int days_run, Parallelism* parallel) {
  const Handle group = create_group(file, "series");
  write_text_attribute(group, "day_unit", "day");
  std::vector<Doubles> datasets;
  for (const Series& series : metrics.all()) {
    std::vector<hsize_t> shape{static_cast<hsize_t>(days_run)};
    for (const Dimension& dim : series.spec().dims) shape.push_back(dim.labels.size());
    datasets.push_back({series.spec().name, std::move(shape), series.values().data()});
  }
  write_doubles(group, datasets, parallel, [&](std::size_t index, hid_t dataset) {
    const SeriesSpec& spec = metrics.all()[index].spec();
    std::vector<std::string> dims{"day"};
    for (const Dimension& dim : spec.dims) dims.push_back(dim.name);
    write_text_attribute(dataset, "unit", spec.unit);
    write_text_attribute(dataset, "description", spec.description);
    write_text_attribute(dataset, "summary", summary_name(spec.summary));
    write_text_list_attribute(dataset, "dims", dims);
    for (const Dimension& dim : spec.dims) write_text_list_attribute(dataset, "labels_" + dim.name, dim.labels);
  });
}

namespace {

void write_geometry(hid_t file, const std::vector<Table>& tables, Parallelism* parallel) {
  const Handle group = create_group(file, "geometry");
  write_tables(group, tables, parallel);
}

// One group per recorded day, so a reader loads one day at a time.
void write_events(hid_t file, const Traces& traces) {
  const Handle group = create_group(file, "events");
  write_text_attribute(group, "time_unit", "s after midnight");
  const Handle vehicles = create_group(group, "vehicles");
  write_texts(vehicles, "name", traces.vehicles.name);
  write_texts(vehicles, "kind", traces.vehicles.kind);
  write_texts(vehicles, "load_unit", traces.vehicles.load_unit);
  for (const TraceDay& day : traces.days) {
    const Handle rows = create_group(group, "day_" + std::to_string(day.day));
    write_column(rows, "vehicle", H5T_NATIVE_INT32, day.vehicle, Layout::compressed);
    write_column(rows, "edge", H5T_NATIVE_INT32, day.edge, Layout::compressed);
    write_column(rows, "enter_s", H5T_NATIVE_FLOAT, day.enter_s, Layout::compressed);
    write_column(rows, "exit_s", H5T_NATIVE_FLOAT, day.exit_s, Layout::compressed);
    write_column(rows, "load", H5T_NATIVE_FLOAT, day.load, Layout::compressed);
  }
}

FileImage build_image(const OutputContent& content, Parallelism* parallel) {
  return file_image([&](hid_t file) {
    write_meta(file, content.meta, content.scenario_text, content.resolved_yaml, content.meta_tables);
    write_series(file, *content.metrics, content.meta.days_run, parallel);
    write_geometry(file, content.geometry, parallel);
    if (content.traces) write_events(file, *content.traces);
  });
}

}  // namespace

std::uint64_t estimated_output_bytes(const OutputContent& content) {
  // Headers, attributes and index nodes of one object, about what the shipped scenarios' files hold.
  constexpr std::uint64_t kPerObject = 2048;
  constexpr std::uint64_t kPerText = 16;  // a variable-length string's heap entry besides its bytes
  std::uint64_t bytes = content.scenario_text.size() + content.resolved_yaml.size();
  std::uint64_t objects = 6;  // the groups and the scenario datasets
  bytes += static_cast<std::uint64_t>(content.meta.days_planned) * (kPerText + 10);  // /meta/dates
  for (const Series& series : content.metrics->all()) {
    bytes += series.values().size() * sizeof(double);  // all planned days are allocated
    ++objects;
  }
  for (const std::vector<Table>* tables : {&content.geometry, &content.meta_tables}) {
    for (const Table& table : *tables) {
      for (const Table::NumberColumn& column : table.numbers) bytes += column.values.size() * sizeof(double);
      for (const Table::IntColumn& column : table.ints) bytes += column.values.size() * sizeof(std::int64_t);
      for (const Table::TextColumn& column : table.texts) {
        for (const std::string& text : column.values) bytes += text.size() + kPerText;
      }
      objects += 1 + table.numbers.size() + table.ints.size() + table.texts.size();
    }
  }
  return bytes + objects * kPerObject;
}

FileImage output_image(const OutputContent& content, Parallelism* parallel) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  return build_image(content, parallel);
}

void write_output(const std::filesystem::path& path, const OutputContent& content, Parallelism* parallel) {
  write_file_atomically(path, output_image(content, parallel));
}

}  // namespace munisim
