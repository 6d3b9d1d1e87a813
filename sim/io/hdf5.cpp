#include "sim/io/detail/hdf5.hpp"

#include "sim/core/error.hpp"

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
  write_attribute(object, name, text_type(), space, pointers.data());
}

bool has_attribute(hid_t object, const std::string& name) { return H5Aexists(object, name.c_str()) > 0; }

namespace {

std::vector<std::string> read_texts(hid_t object, const std::string& name) {
  const Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  const Handle space(H5Aget_space(attribute), "reading the space of " + name);
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  // Each text is stored as at least a heap reference; refuse counts the attribute could not hold.
  if (count < 0 || static_cast<hsize_t>(count) > H5Aget_storage_size(attribute)) {
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

}  // namespace munisim::io_detail
