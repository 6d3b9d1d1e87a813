// Small helpers over the HDF5 C API: every call checked, every handle closed. Private to sim/io.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/io/file_image.hpp"

namespace munisim {
class Parallelism;
struct Table;
}  // namespace munisim

namespace munisim::io_detail {

// Turns HDF5's negative return codes into munisim::Error naming the operation.
hid_t checked(hid_t id, const std::string& what);
void checked(herr_t status, const std::string& what);

// Owns one HDF5 identifier and closes it with the right H5*close.
class Handle {
 public:
  Handle() = default;
  Handle(hid_t id, const std::string& what);
  ~Handle();
  Handle(Handle&& other) noexcept : id_(other.id_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  [[nodiscard]] hid_t get() const noexcept { return id_; }
  operator hid_t() const noexcept { return id_; }  // NOLINT: handles stand in for hid_t in API calls

 private:
  hid_t id_ = H5I_INVALID_HID;
};

// Whether `path` is a readable HDF5 file (HDF5's own test of the signature); never prints.
[[nodiscard]] bool is_hdf5_file(const std::filesystem::path& path);

// A variable-length UTF-8 string type.
Handle text_type();

void write_text_attribute(hid_t object, const std::string& name, const std::string& value);
void write_number_attribute(hid_t object, const std::string& name, double value);
void write_integer_attribute(hid_t object, const std::string& name, long long value);
void write_text_list_attribute(hid_t object, const std::string& name, const std::vector<std::string>& values);

[[nodiscard]] bool has_attribute(hid_t object, const std::string& name);
[[nodiscard]] std::string read_text_attribute(hid_t object, const std::string& name);
[[nodiscard]] std::vector<std::string> read_text_list_attribute(hid_t object, const std::string& name);

// The names of a group's members, in name order.
[[nodiscard]] std::vector<std::string> member_names(hid_t group);
// The number of elements a dataspace declares; InputError when it is damaged or overflows.
[[nodiscard]] std::uint64_t element_count(hid_t space, const std::string& what);
// Refuses (InputError), before anything is allocated, `count` elements of `element_bytes` each that
// `dataset` could not hold with the bytes it stores in its file (a damaged or crafted file may
// declare 2^40 elements and store none).
void check_stored_size(hid_t dataset, std::uint64_t count, std::uint64_t element_bytes, const std::string& what);

// A one-dimensional dataset of variable-length strings, its declared length checked first.
[[nodiscard]] std::vector<std::string> read_text_list(hid_t parent, const std::string& name);
// A dataset's values as `T` (read through `memory_type`), its declared size checked first.
template <class T>
[[nodiscard]] std::vector<T> read_column(hid_t parent, const std::string& name, hid_t memory_type) {
  const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle space(H5Dget_space(dataset), "reading the space of " + name);
  const std::uint64_t count = element_count(space, name);
  check_stored_size(dataset, count, sizeof(T), name);
  std::vector<T> values(static_cast<std::size_t>(count));
  if (!values.empty()) checked(H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading " + name);
  return values;
}
// What `read` returns from the output file `path`. A file HDF5 recognises but cannot read as an output
// is bad input (InputError naming `path`, exit 2), whatever step failed.
template <class Read>
auto read_as_input(const std::filesystem::path& path, Read read) -> decltype(read()) {
  const SourceLocation where{path.string(), 0, 0};
  try {
    return read();
  } catch (const InputError& error) {
    throw InputError(where, error.key_path(), error.problem());
  } catch (const Error& error) {
    throw InputError(where, "", std::string("is not a readable munisim output: ") + error.what());
  }
}
// Opens a file for reading after checking it is an HDF5 munisim output of a format this build reads.
[[nodiscard]] Handle open_output(const std::filesystem::path& path);

// Creation properties of a group, dataset or file (its root group) that record no modification times.
Handle untimed(hid_t property_class, const std::string& what);
Handle create_group(hid_t parent, const std::string& name);

enum class Layout { contiguous, compressed };  // compressed: chunks of whole days, shuffled and deflated
Handle create_dataset(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& shape,
                      Layout layout = Layout::contiguous);
// A dataset of doubles to write: `values` row-major over `shape`, days first.
struct Doubles {
  std::string name;
  std::vector<hsize_t> shape;
  const double* values = nullptr;
};
// Called with each dataset once its values are written, to add its attributes, before it is closed.
using Describe = std::function<void(std::size_t index, hid_t dataset)>;
// Writes `datasets` under `parent` in order, compressed (Layout::compressed). Their chunks are
// shuffled and deflated here, a bounded batch at a time on `parallel`'s threads (none: on this
// thread), and stored as they are (H5Dwrite_chunk): the same bytes as HDF5's own filters, for any
// thread count.
void write_doubles(hid_t parent, std::span<const Doubles> datasets, Parallelism* parallel, const Describe& describe);
// One dataset.
void write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape, const double* values,
                   Parallelism* parallel, const std::function<void(hid_t)>& describe);
// A one-dimensional dataset of `values` stored as `type`; empty columns are created and left unwritten.
template <class T>
Handle write_column(hid_t parent, const std::string& name, hid_t type, const std::vector<T>& values, Layout layout) {
  Handle dataset = create_dataset(parent, name, type, {values.size()}, layout);
  if (!values.empty()) checked(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "writing " + name);
  return dataset;
}
Handle write_texts(hid_t parent, const std::string& name, const std::vector<std::string>& values);
void write_scalar_text(hid_t parent, const std::string& name, const std::string& value);
// Each table a group under `parent`, one dataset per column: numbers (with their unit), integers,
// texts. The numbers are compressed on `parallel`'s threads (none: on this thread), as write_doubles.
void write_tables(hid_t parent, const std::vector<Table>& tables, Parallelism* parallel = nullptr);
// A table written by write_tables: texts, integers, and numbers with their units.
[[nodiscard]] Table read_table(hid_t parent, const std::string& name);
// Every table under /<group> of an output, in name order (none without the group); InputError as
// the readers of output.hpp.
[[nodiscard]] std::vector<Table> read_tables_under(const std::filesystem::path& path, const std::string& group);

// The bytes of an HDF5 file that `fill` builds in memory (the core driver, no backing store), so
// that HDF5 never writes to disk and the caller writes the image atomically. The image is the
// driver's own memory, taken when the file closes, not a copy of it.
[[nodiscard]] FileImage file_image(const std::function<void(hid_t)>& fill);

}  // namespace munisim::io_detail
