// Writes a run's output as HDF5. The file is built in memory (HDF5's core driver without a backing
// store) and its image is then written to disk by write_file_atomically, so HDF5 never writes to
// disk and a disk error never enters HDF5's close path: 1.10.8 reports success from H5Fclose after
// a failed disk-full write and can crash closing after EFBIG. Closing the in-memory file after an
// HDF5 error is safe, as nothing of it is on disk. Objects carry no modification times, so the
// same run gives the same bytes apart from the provenance attributes of /meta.
#include <unistd.h>

#include <algorithm>
#include <array>

#include "munisim/version.hpp"
#include "sim/core/calendar.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

// A chunk holds whole days, about 64 KiB of values, which compresses well and reads fast by day.
constexpr std::size_t kChunkValues = 8192;
constexpr unsigned kDeflateLevel = 5;

// Creation properties of a group, dataset or file (its root group) that record no modification
// times, so that the same content always gives the same bytes.
Handle untimed(hid_t property_class, const std::string& what) {
  Handle properties(H5Pcreate(property_class), "creating properties of " + what);
  checked(H5Pset_obj_track_times(properties, false), "turning off times of " + what);
  return properties;
}

Handle create_group(hid_t parent, const std::string& name) {
  const Handle properties = untimed(H5P_GROUP_CREATE, name);
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties, H5P_DEFAULT), "creating group " + name);
}

std::string host_name() {
  std::array<char, 256> name{};
  return ::gethostname(name.data(), name.size() - 1) == 0 ? name.data() : "unknown";
}

enum class Layout { contiguous, compressed };

Handle create_dataset(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& shape,
                      Layout layout = Layout::contiguous) {
  const Handle space(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr), "creating a space");
  const Handle properties = untimed(H5P_DATASET_CREATE, name);
  const bool empty = std::find(shape.begin(), shape.end(), hsize_t{0}) != shape.end();
  if (layout == Layout::compressed && !empty) {
    std::vector<hsize_t> chunk = shape;
    hsize_t per_row = 1;
    for (std::size_t i = 1; i < shape.size(); ++i) per_row *= shape[i];
    chunk[0] = std::clamp<hsize_t>(kChunkValues / std::max<hsize_t>(per_row, 1), 1, shape[0]);
    checked(H5Pset_chunk(properties, static_cast<int>(chunk.size()), chunk.data()), "chunking " + name);
    checked(H5Pset_shuffle(properties), "shuffling " + name);
    checked(H5Pset_deflate(properties, kDeflateLevel), "compressing " + name);
  }
  return Handle(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT),
                "creating dataset " + name);
}

Handle write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape, const double* values) {
  Handle dataset = create_dataset(parent, name, H5T_NATIVE_DOUBLE, shape, Layout::compressed);
  checked(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values), "writing " + name);
  return dataset;
}

Handle write_texts(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const std::string& value : values) pointers.push_back(value.c_str());
  const Handle type = text_type();
  Handle dataset = create_dataset(parent, name, type, {values.size()});
  if (!values.empty()) {
    checked(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "writing " + name);
  }
  return dataset;
}

void write_scalar_text(hid_t parent, const std::string& name, const std::string& value) {
  const Handle type = text_type();
  const Handle space(H5Screate(H5S_SCALAR), "creating a scalar space");
  const Handle properties = untimed(H5P_DATASET_CREATE, name);
  const Handle dataset(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT),
                       "creating dataset " + name);
  const char* pointer = value.c_str();
  checked(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer), "writing " + name);
}

// Each table a group under `parent`, one dataset per column.
void write_tables(hid_t parent, const std::vector<Table>& tables) {
  for (const Table& table : tables) {
    const Handle table_group = create_group(parent, table.name);
    for (const Table::NumberColumn& column : table.numbers) {
      const Handle dataset = write_doubles(table_group, column.name, {column.values.size()}, column.values.data());
      write_text_attribute(dataset, "unit", column.unit);
    }
    for (const Table::IntColumn& column : table.ints) {
      const Handle dataset = create_dataset(table_group, column.name, H5T_NATIVE_INT64, {column.values.size()});
      if (!column.values.empty()) {
        checked(H5Dwrite(dataset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, column.values.data()),
                "writing " + column.name);
      }
    }
    for (const Table::TextColumn& column : table.texts) write_texts(table_group, column.name, column.values);
  }
}

void write_meta(hid_t file, const OutputContent& content) {
  const RunMeta& meta = content.meta;
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
  write_scalar_text(scenario, "text", content.scenario_text);
  write_scalar_text(scenario, "resolved", content.resolved_yaml);

  std::vector<std::string> dates;
  const Calendar calendar(Date::parse(meta.start_date).value_or(Date{}));
  for (int day = 0; day < meta.days_run; ++day) dates.push_back(calendar.date(day).to_string());
  const Handle dataset = write_texts(group, "dates", dates);
  write_text_attribute(dataset, "unit", "date");
  write_tables(group, content.meta_tables);
}

void write_series(hid_t file, const MetricsRegistry& metrics, int days_run) {
  const Handle group = create_group(file, "series");
  write_text_attribute(group, "day_unit", "day");
  for (const Series& series : metrics.all()) {
    const SeriesSpec& spec = series.spec();
    std::vector<hsize_t> shape{static_cast<hsize_t>(days_run)};
    std::vector<std::string> dims{"day"};
    for (const Dimension& dim : spec.dims) {
      shape.push_back(dim.labels.size());
      dims.push_back(dim.name);
    }
    const Handle dataset = write_doubles(group, spec.name, shape, series.values().data());
    write_text_attribute(dataset, "unit", spec.unit);
    write_text_attribute(dataset, "description", spec.description);
    write_text_attribute(dataset, "summary", summary_name(spec.summary));
    write_text_list_attribute(dataset, "dims", dims);
    for (const Dimension& dim : spec.dims) write_text_list_attribute(dataset, "labels_" + dim.name, dim.labels);
  }
}

void write_geometry(hid_t file, const std::vector<Table>& tables) {
  const Handle group = create_group(file, "geometry");
  write_tables(group, tables);
}

template <class T>
void write_column(hid_t group, const std::string& name, hid_t type, const std::vector<T>& values) {
  const Handle dataset = create_dataset(group, name, type, {values.size()}, Layout::compressed);
  if (!values.empty()) checked(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "writing " + name);
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
    write_column(rows, "vehicle", H5T_NATIVE_INT32, day.vehicle);
    write_column(rows, "edge", H5T_NATIVE_INT32, day.edge);
    write_column(rows, "enter_s", H5T_NATIVE_FLOAT, day.enter_s);
    write_column(rows, "exit_s", H5T_NATIVE_FLOAT, day.exit_s);
    write_column(rows, "load", H5T_NATIVE_FLOAT, day.load);
  }
}

std::vector<unsigned char> build_image(const OutputContent& content) {
  const Handle access(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  checked(H5Pset_fapl_core(access, 1 << 20, 0), "selecting the in-memory driver");
  const Handle creation = untimed(H5P_FILE_CREATE, "the root group");
  const Handle file(H5Fcreate("munisim-output", H5F_ACC_TRUNC, creation, access), "creating the file");
  write_meta(file, content);
  write_series(file, *content.metrics, content.meta.days_run);
  write_geometry(file, content.geometry);
  if (content.traces) write_events(file, *content.traces);
  checked(H5Fflush(file, H5F_SCOPE_GLOBAL), "flushing");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  checked(static_cast<hid_t>(size), "sizing the file image");
  std::vector<unsigned char> image(static_cast<std::size_t>(size));
  checked(static_cast<hid_t>(H5Fget_file_image(file, image.data(), image.size())), "copying the file image");
  return image;
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
  std::vector<const Table*> tables;
  for (const Table& table : content.geometry) tables.push_back(&table);
  for (const Table& table : content.meta_tables) tables.push_back(&table);
  for (const Table* entry : tables) {
    const Table& table = *entry;
    for (const Table::NumberColumn& column : table.numbers) bytes += column.values.size() * sizeof(double);
    for (const Table::IntColumn& column : table.ints) bytes += column.values.size() * sizeof(std::int64_t);
    for (const Table::TextColumn& column : table.texts) {
      for (const std::string& text : column.values) bytes += text.size() + kPerText;
    }
    objects += 1 + table.numbers.size() + table.ints.size() + table.texts.size();
  }
  return bytes + objects * kPerObject;
}

void write_output(const std::filesystem::path& path, const OutputContent& content) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  const std::vector<unsigned char> image = build_image(content);
  write_file_atomically(path, image);
}

}  // namespace munisim
