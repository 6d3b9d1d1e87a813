// Small helpers over the HDF5 C API: every call checked, every handle closed. Private to sim/io.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

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
// A one-dimensional dataset of variable-length strings.
[[nodiscard]] std::vector<std::string> read_text_list(hid_t parent, const std::string& name);
// Opens a file for reading after checking it is an HDF5 munisim output of a format this build reads.
[[nodiscard]] Handle open_output(const std::filesystem::path& path);

// Creation properties of a group, dataset or file (its root group) that record no modification times.
Handle untimed(hid_t property_class, const std::string& what);
Handle create_group(hid_t parent, const std::string& name);

enum class Layout { contiguous, compressed };  // compressed: chunks of whole days, shuffled and deflated
Handle create_dataset(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& shape,
                      Layout layout = Layout::contiguous);
Handle write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape, const double* values);
Handle write_integers(hid_t parent, const std::string& name, const std::vector<std::int64_t>& values);
Handle write_texts(hid_t parent, const std::string& name, const std::vector<std::string>& values);
void write_scalar_text(hid_t parent, const std::string& name, const std::string& value);

// The bytes of an HDF5 file that `fill` builds in memory (the core driver, no backing store), so
// that HDF5 never writes to disk and the caller writes the image atomically.
[[nodiscard]] std::vector<unsigned char> file_image(const std::function<void(hid_t)>& fill);

}  // namespace munisim::io_detail
