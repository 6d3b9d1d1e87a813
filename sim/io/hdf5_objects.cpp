// Groups, datasets and whole files built in memory, shared by the run and experiment writers. Every
// object is created without modification times so that the same content always gives the same bytes.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim::io_detail {
namespace {

// A chunk holds whole days, about 64 KiB of values, which compresses well and reads fast by day.
constexpr std::size_t kChunkValues = 8192;
// Deflate's fastest level: the shuffled doubles compress nearly as well as at level 5 (a city-year
// of Trujillo 1:1: 20.2 MB against 19.4 MB) in two thirds of the time (0.65 against 0.95
// CPU-seconds), and writing the output runs on one thread at the end of the run.
constexpr unsigned kDeflateLevel = 1;

// Where the in-memory driver's memory goes when the file closes: to the sink instead of being freed,
// so the image is taken without a copy. HDF5 copies the access properties, and their udata through
// same_sink, wherever it keeps them; every copy points at the one sink, which outlives the file.
struct ImageSink {
  FileImage::Bytes memory;
};

void* image_malloc(std::size_t size, H5FD_file_image_op_t, void*) { return std::malloc(size); }
void* image_memcpy(void* to, const void* from, std::size_t size, H5FD_file_image_op_t, void*) {
  return std::memcpy(to, from, size);
}
void* image_realloc(void* memory, std::size_t size, H5FD_file_image_op_t, void*) { return std::realloc(memory, size); }
herr_t image_free(void* memory, H5FD_file_image_op_t operation, void* sink) {
  if (operation == H5FD_FILE_IMAGE_OP_FILE_CLOSE) {
    static_cast<ImageSink*>(sink)->memory.reset(static_cast<unsigned char*>(memory));
  } else {
    std::free(memory);
  }
  return 0;
}
void* same_sink(void* sink) { return sink; }
herr_t keep_sink(void*) { return 0; }  // the sink belongs to file_image, not to the properties

}  // namespace

Handle untimed(hid_t property_class, const std::string& what) {
  Handle properties(H5Pcreate(property_class), "creating properties of " + what);
  checked(H5Pset_obj_track_times(properties, false), "turning off times of " + what);
  return properties;
}

Handle create_group(hid_t parent, const std::string& name) {
  const Handle properties = untimed(H5P_GROUP_CREATE, name);
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties, H5P_DEFAULT), "creating group " + name);
}

Handle create_dataset(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& shape,
                      Layout layout) {
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

void write_tables(hid_t parent, const std::vector<Table>& tables) {
  for (const Table& table : tables) {
    const Handle group = create_group(parent, table.name);
    for (const Table::NumberColumn& column : table.numbers) {
      const Handle dataset = write_doubles(group, column.name, {column.values.size()}, column.values.data());
      write_text_attribute(dataset, "unit", column.unit);
    }
    for (const Table::IntColumn& column : table.ints)
      write_column(group, column.name, H5T_NATIVE_INT64, column.values, Layout::contiguous);
    for (const Table::TextColumn& column : table.texts) write_texts(group, column.name, column.values);
  }
}

FileImage file_image(const std::function<void(hid_t)>& fill) {
  ImageSink sink;  // declared first: it outlives the file, which hands it its memory on closing
  const Handle access(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  checked(H5Pset_fapl_core(access, 1 << 20, 0), "selecting the in-memory driver");
  H5FD_file_image_callbacks_t callbacks{image_malloc, image_memcpy, image_realloc, image_free,
                                        same_sink, keep_sink, &sink};
  checked(H5Pset_file_image_callbacks(access, &callbacks), "taking over the file's memory");
  const Handle creation = untimed(H5P_FILE_CREATE, "the root group");
  // HDF5 refuses a second open file of the same name, even in memory: each image gets its own.
  static std::atomic<unsigned long long> images{0};
  const std::string name = "munisim-image-" + std::to_string(images.fetch_add(1));
  Handle file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, creation, access), "creating the file");
  fill(file);
  checked(H5Fflush(file, H5F_SCOPE_GLOBAL), "flushing");
  // The file ends at its end of allocation; the memory block is rounded up to the 1 MiB increment.
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  checked(static_cast<hid_t>(size), "sizing the file image");
  file = Handle();  // closes the file, whose driver hands its memory to the sink
  if (!sink.memory) throw Error("HDF5 did not release the in-memory file on closing it");
  return FileImage(std::move(sink.memory), static_cast<std::size_t>(size));
}

}  // namespace munisim::io_detail
