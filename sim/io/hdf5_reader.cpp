// Reads a munisim HDF5 output back: metadata, scenario, series with their labels, geometry tables.
#include <unistd.h>

#include "sim/core/error.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

std::vector<std::string> member_names(hid_t group) {
  H5G_info_t info;
  checked(H5Gget_info(group, &info), "listing a group");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(size, 0)), '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
    names.push_back(name);
  }
  return names;
}

std::string read_scalar_text(hid_t parent, const std::string& name) {
  const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle type = text_type();
  char* pointer = nullptr;
  checked(H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer), "reading " + name);
  std::string value = pointer != nullptr ? pointer : "";
  H5free_memory(pointer);
  return value;
}

std::vector<std::string> read_text_list(hid_t parent, const std::string& name) {
  const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle space(H5Dget_space(dataset), "reading the space of " + name);
  std::vector<char*> pointers(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  const Handle type = text_type();
  if (!pointers.empty())
    checked(H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "reading " + name);
  std::vector<std::string> values;
  for (char* pointer : pointers) {
    values.emplace_back(pointer != nullptr ? pointer : "");
    H5free_memory(pointer);
  }
  return values;
}

herr_t collect_meta(hid_t location, const char* name, const H5A_info_t*, void* data) {
  auto& file = *static_cast<OutputFile*>(data);
  const Handle attribute(H5Aopen(location, name, H5P_DEFAULT), std::string("opening attribute ") + name);
  const Handle type(H5Aget_type(attribute), "reading an attribute type");
  if (H5Tget_class(type) == H5T_STRING) {
    file.text_meta[name] = read_text_attribute(location, name);
  } else {
    double value = 0;
    checked(H5Aread(attribute, H5T_NATIVE_DOUBLE, &value), std::string("reading attribute ") + name);
    file.number_meta[name] = value;
  }
  return 0;
}

SeriesData read_series(hid_t group, const std::string& name) {
  const Handle dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), "opening series " + name);
  SeriesData series;
  series.name = name;
  series.unit = read_text_attribute(dataset, "unit");
  series.description = read_text_attribute(dataset, "description");
  series.summary = read_text_attribute(dataset, "summary");
  series.dims = read_text_list_attribute(dataset, "dims");
  for (std::size_t i = 1; i < series.dims.size(); ++i) {
    series.labels.push_back(read_text_list_attribute(dataset, "labels_" + series.dims[i]));
  }
  const Handle space(H5Dget_space(dataset), "reading the shape of " + name);
  std::vector<hsize_t> shape(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, shape.data(), nullptr);
  std::size_t count = 1;
  for (hsize_t extent : shape) {
    series.shape.push_back(extent);
    count *= extent;
  }
  series.values.resize(count);
  if (count > 0) {
    checked(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, series.values.data()),
            "reading series " + name);
  }
  return series;
}

Table read_table(hid_t geometry, const std::string& name) {
  const Handle group(H5Gopen2(geometry, name.c_str(), H5P_DEFAULT), "opening /geometry/" + name);
  Table table{.name = name};
  for (const std::string& column : member_names(group)) {
    const Handle dataset(H5Dopen2(group, column.c_str(), H5P_DEFAULT), "opening /geometry/" + name + "/" + column);
    const Handle type(H5Dget_type(dataset), "reading the type of " + column);
    const Handle space(H5Dget_space(dataset), "reading the space of " + column);
    const auto rows = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    if (H5Tget_class(type) == H5T_STRING) {
      table.texts.push_back({column, read_text_list(group, column)});
    } else if (H5Tget_class(type) == H5T_INTEGER) {
      Table::IntColumn values{column, std::vector<std::int64_t>(rows)};
      if (rows > 0)
        checked(H5Dread(dataset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.values.data()),
                "reading /geometry/" + name + "/" + column);
      table.ints.push_back(std::move(values));
    } else {
      Table::NumberColumn values{column, has_attribute(dataset, "unit") ? read_text_attribute(dataset, "unit") : "",
                                 std::vector<double>(rows)};
      if (rows > 0)
        checked(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.values.data()),
                "reading /geometry/" + name + "/" + column);
      table.numbers.push_back(std::move(values));
    }
  }
  return table;
}

}  // namespace

std::vector<Table> read_geometry(const std::filesystem::path& path, const std::vector<std::string>& tables) {
  if (!is_hdf5_file(path)) throw InputError({path.string(), 0, 0}, "", "is not an HDF5 file");
  const Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + path.string());
  std::vector<Table> found;
  if (H5Lexists(file, "geometry", H5P_DEFAULT) <= 0) return found;
  const Handle geometry(H5Gopen2(file, "geometry", H5P_DEFAULT), "opening /geometry");
  for (const std::string& name : tables) {
    if (H5Lexists(geometry, name.c_str(), H5P_DEFAULT) > 0) found.push_back(read_table(geometry, name));
  }
  return found;
}

OutputFile read_output(const std::filesystem::path& path) {
  if (::access(path.c_str(), R_OK) != 0) throw InputError({path.string(), 0, 0}, "", "cannot read output file");
  if (!is_hdf5_file(path)) throw InputError({path.string(), 0, 0}, "", "is not an HDF5 file");
  const Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + path.string());
  if (H5Lexists(file, "meta", H5P_DEFAULT) <= 0 || H5Lexists(file, "series", H5P_DEFAULT) <= 0) {
    throw InputError({path.string(), 0, 0}, "", "is not a munisim output (no /meta or /series)");
  }
  OutputFile output;
  const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
  checked(H5Aiterate2(meta, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_meta, &output), "reading /meta");
  output.scenario_text = read_scalar_text(meta, "scenario/text");
  output.resolved_yaml = read_scalar_text(meta, "scenario/resolved");
  output.dates = read_text_list(meta, "dates");
  const Handle series(H5Gopen2(file, "series", H5P_DEFAULT), "opening /series");
  for (const std::string& name : member_names(series)) output.series.push_back(read_series(series, name));
  if (H5Lexists(file, "geometry", H5P_DEFAULT) > 0) {
    const Handle geometry(H5Gopen2(file, "geometry", H5P_DEFAULT), "opening /geometry");
    output.geometry_tables = member_names(geometry);
  }
  return output;
}

}  // namespace munisim
