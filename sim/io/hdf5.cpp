#include "sim/io/detail/hdf5.hpp"

#include <unistd.h>

#include <algorithm>
#include <limits>

#include "sim/core/error.hpp"
#include "sim/io/output.hpp"

namespace munisim::io_detail {

hid_t checked(hid_t id, const std::string& what) {
  if (id < 0) throw Error("HDF5 failed: " + what);
  return id;
}

void checked(herr_t status, const std::string& what) {
  if (status < 0) throw Error("HDF5 failed: " + what);
}

Handle::Handle(hid_t id, const std::string& what) : id_(checked(id, what)) {}

Handle::~Handle() {
  if (id_ < 0) return;
  switch (H5Iget_type(id_)) {
    case H5I_FILE:
      H5Fclose(id_);
      break;
    case H5I_GROUP:
      H5Gclose(id_);
      break;
    case H5I_DATASET:
      H5Dclose(id_);
      break;
    case H5I_ATTR:
      H5Aclose(id_);
      break;
    case H5I_DATASPACE:
      H5Sclose(id_);
      break;
    case H5I_DATATYPE:
      H5Tclose(id_);
      break;
    case H5I_GENPROP_LST:
      H5Pclose(id_);
      break;
    default:
      H5Idec_ref(id_);
  }
}

Handle& Handle::operator=(Handle&& other) noexcept {
  std::swap(id_, other.id_);
  return *this;
}

bool is_hdf5_file(const std::filesystem::path& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  return H5Fis_hdf5(path.c_str()) > 0;
}

Handle text_type() {
  Handle type(H5Tcopy(H5T_C_S1), "copying the string type");
  checked(H5Tset_size(type, H5T_VARIABLE), "sizing the string type");
  checked(H5Tset_cset(type, H5T_CSET_UTF8), "setting UTF-8");
  return type;
}

namespace {

void write_attribute(hid_t object, const std::string& name, hid_t type, hid_t space, const void* data) {
  const Handle attribute(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                         "creating attribute " + name);
  checked(H5Awrite(attribute, type, data), "writing attribute " + name);
}

template <class T>
void write_scalar_attribute(hid_t object, const std::string& name, hid_t type, T value) {
  const Handle space(H5Screate(H5S_SCALAR), "creating a scalar space");
  write_attribute(object, name, type, space, &value);
}

}  // namespace

void write_text_attribute(hid_t object, const std::string& name, const std::string& value) {
  write_scalar_attribute(object, name, text_type(), value.c_str());
}

void write_number_attribute(hid_t object, const std::string& name, double value) {
  write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, value);
}

void write_integer_attribute(hid_t object, const std::string& name, long long value) {
  write_scalar_attribute(object, name, H5T_NATIVE_LLONG, value);
}

void write_text_list_attribute(hid_t object, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const std::string& value : values) pointers.push_back(value.c_str());
  const hsize_t size = values.size();
  const Handle space(H5Screate_simple(1, &size, nullptr), "creating a list space");
  const char* none = nullptr;  // HDF5 refuses a null buffer even for an empty list (a series' empty dimension)
  write_attribute(object, name, text_type(), space, pointers.empty() ? &none : pointers.data());
}

bool has_attribute(hid_t object, const std::string& name) { return H5Aexists(object, name.c_str()) > 0; }

namespace {

// On disk a variable-length text is its length (4 bytes), its global heap's address (8) and its
// index there (4).
constexpr hsize_t kTextReferenceBytes = 16;

std::vector<std::string> read_texts(hid_t object, const std::string& name) {
  const Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  const Handle space(H5Aget_space(attribute), "reading the space of " + name);
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  // Each text is stored as a global-heap reference; refuse counts the attribute could not hold.
  if (count < 0 || static_cast<hsize_t>(count) > H5Aget_storage_size(attribute) / kTextReferenceBytes) {
    throw InputError("attribute " + name + " declares " + std::to_string(count) + " texts but stores only " +
                     std::to_string(H5Aget_storage_size(attribute)) + " bytes");
  }
  std::vector<char*> pointers(static_cast<std::size_t>(count));
  const Handle type = text_type();
  checked(H5Aread(attribute, type, pointers.data()), "reading attribute " + name);
  std::vector<std::string> values;
  for (char* pointer : pointers) {
    values.emplace_back(pointer != nullptr ? pointer : "");
    H5free_memory(pointer);
  }
  return values;
}

}  // namespace

std::string read_text_attribute(hid_t object, const std::string& name) {
  const std::vector<std::string> values = read_texts(object, name);
  return values.empty() ? std::string() : values.front();
}

std::vector<std::string> read_text_list_attribute(hid_t object, const std::string& name) {
  return read_texts(object, name);
}

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

namespace {

// HDF5's deflate filter cannot expand data more than about 1032 times, so a dataset holding more
// than this many bytes per stored byte (or per byte of the whole file) lies about its size.
constexpr std::uint64_t kMaxExpansion = 1100;

}  // namespace

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

namespace {

// Refuses a dataset declaring more than `count` elements of `element_bytes` can come from what it
// stores (and the file holds), each stored byte read back as up to `expansion` bytes.
void check_claim(hid_t dataset, std::uint64_t count, std::uint64_t element_bytes, std::uint64_t expansion,
                 const char* elements, const std::string& what) {
  const std::uint64_t stored_bytes = H5Dget_storage_size(dataset);
  const Handle file(H5Iget_file_id(dataset), "finding the file of " + what);
  hsize_t file_bytes = 0;
  checked(H5Fget_filesize(file, &file_bytes), "sizing the file of " + what);
  // The 4 KiB lets deflated datasets smaller than a page through; text lists get no such slack.
  const std::uint64_t slack = expansion > 1 ? 4096 : 0;
  const std::uint64_t limit = expansion * std::min<std::uint64_t>(stored_bytes, file_bytes) + slack;
  if (count > limit / element_bytes) {
    throw InputError("declares " + std::to_string(count) + " " + elements + " in " + what + " but stores only " +
                     std::to_string(stored_bytes) + " bytes");
  }
}

// Text lists are written uncompressed (write_texts): one global-heap reference per text, and the
// file holds at least those references. Deflate's expansion does not apply, and so a claim cannot
// size the list of pointers and strings read back at up to 1100 times the file. (Texts of a fixed
// length, which the read then refuses, take their length each.)
void check_stored_texts(hid_t dataset, std::uint64_t count, const std::string& what) {
  const Handle type(H5Dget_type(dataset), "reading the type of " + what);
  const std::uint64_t text_bytes =
      H5Tis_variable_str(type) > 0 ? kTextReferenceBytes : std::max<std::size_t>(H5Tget_size(type), 1);
  check_claim(dataset, count, text_bytes, 1, "texts", what);
}

}  // namespace

void check_stored_size(hid_t dataset, std::uint64_t count, std::uint64_t element_bytes, const std::string& what) {
  check_claim(dataset, count, element_bytes, kMaxExpansion, "elements", what);
}

std::vector<std::string> read_text_list(hid_t parent, const std::string& name) {
  const Handle dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle space(H5Dget_space(dataset), "reading the space of " + name);
  const std::uint64_t count = element_count(space, name);
  check_stored_texts(dataset, count, name);
  std::vector<char*> pointers(static_cast<std::size_t>(count));
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

Handle open_output(const std::filesystem::path& path) {
  if (::access(path.c_str(), R_OK) != 0) throw InputError({path.string(), 0, 0}, "", "cannot read output file");
  if (!is_hdf5_file(path)) throw InputError({path.string(), 0, 0}, "", "is not an HDF5 file (or is truncated)");
  const hid_t opened = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (opened < 0) throw InputError({path.string(), 0, 0}, "", "is a damaged or truncated HDF5 file");
  Handle file(opened, "opening " + path.string());
  if (H5Lexists(file, "meta", H5P_DEFAULT) <= 0 || H5Lexists(file, "series", H5P_DEFAULT) <= 0) {
    throw InputError({path.string(), 0, 0}, "", "is not a munisim output (no /meta or /series)");
  }
  const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
  if (has_attribute(meta, "format_version")) {
    const Handle attribute(H5Aopen(meta, "format_version", H5P_DEFAULT), "opening /meta format_version");
    long long version = 0;
    checked(H5Aread(attribute, H5T_NATIVE_LLONG, &version), "reading /meta format_version");
    if (version > kOutputFormatVersion) {
      throw InputError({path.string(), 0, 0}, "",
                       "was written in output format " + std::to_string(version) + " by a newer munisim; this one reads up to format " +
                           std::to_string(kOutputFormatVersion) + ": open it with a newer munisim");
    }
  }
  return file;
}

}  // namespace munisim::io_detail
