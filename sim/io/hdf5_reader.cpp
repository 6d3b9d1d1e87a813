// Reads a munisim HDF5 output back: metadata, scenario, series with their labels, geometry names.
#include <array>
#include <cstdio>

#include "sim/core/error.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

std::string read_scalar_text(hid_t parent, const std::string& name) {
  const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle space(H5Dget_space(dataset), "reading the space of " + name);
  if (element_count(space, name) != 1) throw InputError(name + " is not a single text");
  const Handle type = text_type();
  char* pointer = nullptr;
  checked(H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer), "reading " + name);
  std::string value = pointer != nullptr ? pointer : "";
  H5free_memory(pointer);
  return value;
}

struct MetaReading {
  OutputFile& file;
  std::string problem;  // why the last attribute could not be read
};

void read_meta_attribute(hid_t location, const char* name, OutputFile& file) {
  const Handle attribute(H5Aopen(location, name, H5P_DEFAULT), std::string("opening attribute ") + name);
  const Handle type(H5Aget_type(attribute), "reading an attribute type");
  if (H5Tget_class(type) == H5T_STRING) {
    file.text_meta[name] = read_text_attribute(location, name);
    return;
  }
  const Handle space(H5Aget_space(attribute), std::string("reading the space of attribute ") + name);
  if (element_count(space, name) != 1) throw InputError(std::string("/meta attribute ") + name + " is not one number");
  double value = 0;
  checked(H5Aread(attribute, H5T_NATIVE_DOUBLE, &value), std::string("reading attribute ") + name);
  file.number_meta[name] = value;
}

// Called by HDF5 (C code), so no exception may leave it: the problem is kept and iteration stops.
herr_t collect_meta(hid_t location, const char* name, const H5A_info_t*, void* data) {
  auto& reading = *static_cast<MetaReading*>(data);
  try {
    read_meta_attribute(location, name, reading.file);
    return 0;
  } catch (const std::exception& error) {
    reading.problem = error.what();
    return -1;
  }
}

SeriesData read_series(hid_t group, const std::string& name) {
  const Handle dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), "opening series " + name);
  SeriesData series;
  series.name = name;
  // A series without a unit (or description) is still read, so readers can say what is missing.
  const auto optional_text = [&](const char* attribute) {
    return has_attribute(dataset, attribute) ? read_text_attribute(dataset, attribute) : std::string();
  };
  series.unit = optional_text("unit");
  series.description = optional_text("description");
  series.summary = optional_text("summary");
  series.dims = read_text_list_attribute(dataset, "dims");
  for (std::size_t i = 1; i < series.dims.size(); ++i) {
    series.labels.push_back(read_text_list_attribute(dataset, "labels_" + series.dims[i]));
  }
  const Handle space(H5Dget_space(dataset), "reading the shape of " + name);
  const std::uint64_t count = element_count(space, "series " + name);
  check_stored_size(dataset, count, sizeof(double), "series " + name);
  std::vector<hsize_t> shape(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, shape.data(), nullptr);
  series.shape.assign(shape.begin(), shape.end());
  series.values.resize(static_cast<std::size_t>(count));
  if (count > 0) {
    checked(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, series.values.data()),
            "reading series " + name);
  }
  return series;
}

OutputFile read_munisim_output(const std::filesystem::path& path) {
  const Handle file = open_output(path);
  OutputFile output;
  const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
  MetaReading reading{output, {}};
  if (H5Aiterate2(meta, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_meta, &reading) < 0) {
    throw InputError("cannot read the attributes of /meta" + (reading.problem.empty() ? "" : ": " + reading.problem));
  }
  output.scenario_text = read_scalar_text(meta, "scenario/text");
  output.resolved_yaml = read_scalar_text(meta, "scenario/resolved");
  output.dates = read_text_list(meta, "dates");
  const Handle series(H5Gopen2(file, "series", H5P_DEFAULT), "opening /series");
  for (const std::string& name : member_names(series)) {
    output.series.push_back(read_series(series, name));
    // Every series has one row per date; a summary over more rows would read past its values.
    if (output.series.back().shape.empty() || output.series.back().shape[0] != output.dates.size()) {
      throw InputError("series " + name + " does not have one row for each of the " +
                       std::to_string(output.dates.size()) + " dates");
    }
  }
  if (H5Lexists(file, "geometry", H5P_DEFAULT) > 0) {
    const Handle geometry(H5Gopen2(file, "geometry", H5P_DEFAULT), "opening /geometry");
    output.geometry_tables = member_names(geometry);
  }
  return output;
}

}  // namespace

OutputFile read_output(const std::filesystem::path& path) {
  return read_as_input(path, [&] { return read_munisim_output(path); });
}

namespace {

std::string city_name(const OutputFile& file) {
  const auto found = file.text_meta.find("city_name");
  return found == file.text_meta.end() ? "" : found->second;
}

double district_count(const OutputFile& file) {
  const auto found = file.number_meta.find("districts");
  return found == file.number_meta.end() ? -1 : found->second;
}

}  // namespace

bool same_city(const OutputFile& first, const OutputFile& other) {
  return city_name(first) == city_name(other) && district_count(first) == district_count(other);
}

std::string city_description(const OutputFile& file) {
  std::array<char, 32> count{};
  std::snprintf(count.data(), count.size(), "%g", district_count(file));
  return city_name(file) + ", " + count.data() + " districts";
}

std::string read_resolved_yaml(const std::filesystem::path& path) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
    return read_scalar_text(meta, "scenario/resolved");
  });
}

}  // namespace munisim
