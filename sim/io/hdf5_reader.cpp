// Reads a munisim HDF5 output back: metadata, scenario, series with their labels, geometry names.
#include <algorithm>
#include <limits>

#include "sim/core/error.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

// HDF5's deflate filter cannot expand data more than about 1032 times, so a dataset holding more
// than this many bytes per stored byte (or per byte of the whole file) lies about its size.
constexpr std::uint64_t kMaxExpansion = 1100;

// Refuses, before anything is allocated, `count` elements of `element_bytes` each that could not
// have come from `stored_bytes` of storage in a file of `file_bytes` (a damaged or crafted file
// may declare 2^40 elements and store none).
void check_stored_size(std::uint64_t count, std::uint64_t element_bytes, std::uint64_t stored_bytes,
                       std::uint64_t file_bytes, const std::string& what) {
  const std::uint64_t limit = kMaxExpansion * std::min(stored_bytes, file_bytes) + 4096;
  if (count > limit / element_bytes) {
    throw InputError("declares " + std::to_string(count) + " elements in " + what + " but stores only " +
                     std::to_string(stored_bytes) + " bytes");
  }
}

// The number of elements a dataspace declares, refused when it overflows.
std::uint64_t element_count(hid_t space, const std::string& what) {
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0 || rank > H5S_MAX_RANK) throw InputError("has a damaged dataspace in " + what);
  std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, shape.data(), nullptr);
  std::uint64_t count = 1;
  for (hsize_t extent : shape) {
    if (extent != 0 && count > std::numeric_limits<std::uint64_t>::max() / extent) {
      throw InputError("declares more elements than can be counted in " + what);
    }
    count *= extent;
  }
  return count;
}

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

// The list, once its declared length is checked against the bytes it stores.
std::vector<std::string> read_checked_text_list(hid_t parent, const std::string& name, std::uint64_t file_bytes) {
  {
    const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
    const Handle space(H5Dget_space(dataset), "reading the space of " + name);
    check_stored_size(element_count(space, name), sizeof(char*), H5Dget_storage_size(dataset), file_bytes, name);
  }
  return read_text_list(parent, name);
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

SeriesData read_series(hid_t group, const std::string& name, std::uint64_t file_bytes) {
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
  check_stored_size(count, sizeof(double), H5Dget_storage_size(dataset), file_bytes, "series " + name);
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
  const std::uint64_t file_bytes = std::filesystem::file_size(path);
  OutputFile output;
  const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
  MetaReading reading{output, {}};
  if (H5Aiterate2(meta, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_meta, &reading) < 0) {
    throw InputError("cannot read the attributes of /meta" + (reading.problem.empty() ? "" : ": " + reading.problem));
  }
  output.scenario_text = read_scalar_text(meta, "scenario/text");
  output.resolved_yaml = read_scalar_text(meta, "scenario/resolved");
  output.dates = read_checked_text_list(meta, "dates", file_bytes);
  const Handle series(H5Gopen2(file, "series", H5P_DEFAULT), "opening /series");
  for (const std::string& name : member_names(series)) {
    output.series.push_back(read_series(series, name, file_bytes));
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

// A file HDF5 recognises but cannot read as an output is bad input (exit 2), whatever step failed.
template <typename Read>
auto reading_output(const std::filesystem::path& path, Read read) {
  const SourceLocation where{path.string(), 0, 0};
  try {
    return read();
  } catch (const InputError& error) {
    throw InputError(where, "", error.problem());
  } catch (const Error& error) {
    throw InputError(where, "", std::string("is not a readable munisim output: ") + error.what());
  } catch (const std::filesystem::filesystem_error& error) {
    throw InputError(where, "", std::string("cannot read output file: ") + error.what());
  }
}

}  // namespace

OutputFile read_output(const std::filesystem::path& path) {
  return reading_output(path, [&] { return read_munisim_output(path); });
}

std::string read_resolved_yaml(const std::filesystem::path& path) {
  return reading_output(path, [&] {
    const Handle file = open_output(path);
    const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
    return read_scalar_text(meta, "scenario/resolved");
  });
}

}  // namespace munisim
