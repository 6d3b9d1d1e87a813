// Groups, datasets and whole files built in memory, shared by the run and experiment writers. Every
// object is created without modification times so that the same content always gives the same bytes.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "sim/core/parallel.hpp"
#include "sim/io/detail/deflate.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim::io_detail {
namespace {

// A chunk holds whole days, about 64 KiB of values, which compresses well and reads fast by day.
constexpr std::size_t kChunkValues = 8192;
// Deflate's fastest level: the shuffled doubles compress nearly as well as at level 5 (a city-year
// of Trujillo 1:1: 20.2 MB against 19.4 MB) in two thirds of the time (0.65 against 0.95
// CPU-seconds), and writing the output ends every run.
constexpr int kDeflateLevel = 1;
// The chunks compressed at once: enough to keep every thread busy, few enough that their compressed
// bytes add little to the run's peak memory, which is reached while its output is written.
constexpr std::size_t kBatchBytes = std::size_t{4} << 20;

// Whole days per chunk of a dataset of `shape` (day first).
hsize_t chunk_rows(const std::vector<hsize_t>& shape) {
  hsize_t per_row = 1;
  for (std::size_t i = 1; i < shape.size(); ++i) per_row *= shape[i];
  return std::clamp<hsize_t>(kChunkValues / std::max<hsize_t>(per_row, 1), 1, shape[0]);
}

// How a compressed dataset of doubles is cut: `count` chunks of `rows` days of `row_values` values.
struct Chunking {
  hsize_t rows = 0;
  hsize_t row_values = 1;
  hsize_t count = 0;  // none for an empty dataset, which is not chunked
};

Chunking chunking(const std::vector<hsize_t>& shape) {
  Chunking result;
  for (std::size_t i = 1; i < shape.size(); ++i) result.row_values *= shape[i];
  if (shape[0] == 0 || result.row_values == 0) return result;
  result.rows = chunk_rows(shape);
  result.count = (shape[0] + result.rows - 1) / result.rows;
  return result;
}

struct ChunkJob {
  const Doubles* dataset;
  Chunking cut;
  hsize_t chunk;
};

// The stored bytes of one chunk, as HDF5's filters would make them.
std::vector<unsigned char> deflated(const ChunkJob& job) {
  const Chunking& cut = job.cut;
  const hsize_t first_row = job.chunk * cut.rows;
  const hsize_t rows = std::min(cut.rows, job.dataset->shape[0] - first_row);
  const auto* begin = reinterpret_cast<const unsigned char*>(job.dataset->values + first_row * cut.row_values);
  const std::size_t bytes = cut.rows * cut.row_values * sizeof(double);
  std::vector<unsigned char> padded;
  std::span<const unsigned char> chunk(begin, rows * cut.row_values * sizeof(double));
  if (rows < cut.rows) {  // the last chunk of a dataset: HDF5 fills the days past its end with zeros
    padded.assign(bytes, 0);
    std::copy(chunk.begin(), chunk.end(), padded.begin());
    chunk = padded;
  }
  return shuffle_deflate(chunk, sizeof(double), kDeflateLevel);
}

// The stored bytes of jobs [first, last), compressed on `parallel`'s threads (none: this thread).
// The jobs are the same whatever the thread count, and each chunk's bytes depend on it alone.
std::vector<std::vector<unsigned char>> deflated_batch(std::span<const ChunkJob> jobs, Parallelism* parallel) {
  std::vector<std::vector<unsigned char>> stored(jobs.size());
  auto deflate_range = [&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t i = begin; i < end; ++i) stored[i] = deflated(jobs[i]);
  };
  if (parallel == nullptr) {
    deflate_range(0, jobs.size(), 0);
  } else {
    for_each_chunk(*parallel, jobs.size(), 1, deflate_range);
  }
  return stored;
}

// HDF5's H5Dwrite keeps a dataset's chunks in its chunk cache until later chunks push them out,
// in order, and writes those still cached when the dataset closes, after its attributes. Ours are
// stored at the same moments, so that the file's space is handed out in the same order and the
// file is the same bytes (tests/io/parallel_deflate_test.cpp compares with H5Dwrite's files):
// this many chunks of the dataset's last are stored after its attributes.
hsize_t chunks_cached(hid_t dataset, const Chunking& cut) {
  const Handle access(H5Dget_access_plist(dataset), "reading the dataset's access properties");
  std::size_t slots = 0;
  std::size_t cache_bytes = 0;
  double policy = 0;
  checked(H5Pget_chunk_cache(access, &slots, &cache_bytes, &policy), "reading the chunk cache size");
  return cache_bytes / (cut.rows * cut.row_values * sizeof(double));
}

// What HDF5's H5Dwrite does first: create the dataset's chunk index. Writing its first value through
// HDF5 does it; that value waits in the chunk cache, and H5Dwrite_chunk drops it unwritten when it
// stores chunk 0.
void create_chunk_index(hid_t dataset, const Doubles& doubles) {
  const hsize_t one = 1;
  const std::vector<hsize_t> origin(doubles.shape.size(), 0);
  const std::vector<hsize_t> count(doubles.shape.size(), 1);
  const Handle memory(H5Screate_simple(1, &one, nullptr), "creating a space");
  const Handle space(H5Dget_space(dataset), "reading the space of " + doubles.name);
  checked(H5Sselect_hyperslab(space, H5S_SELECT_SET, origin.data(), nullptr, count.data(), nullptr),
          "selecting the first value of " + doubles.name);
  checked(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, doubles.values),
          "writing " + doubles.name);
}

// The first jobs from `first` whose chunks hold about kBatchBytes (at least one job).
std::size_t batch_end(std::span<const ChunkJob> jobs, std::size_t first) {
  std::size_t bytes = 0;
  std::size_t end = first;
  while (end < jobs.size() && (end == first || bytes < kBatchBytes)) {
    bytes += jobs[end].cut.rows * jobs[end].cut.row_values * sizeof(double);
    ++end;
  }
  return end;
}

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

// Stores the chunks of a list of datasets in order, compressing them a batch ahead.
class ChunkStore {
 public:
  ChunkStore(std::span<const Doubles> datasets, Parallelism* parallel) : parallel_(parallel) {
    for (const Doubles& dataset : datasets) {
      const Chunking cut = chunking(dataset.shape);
      for (hsize_t chunk = 0; chunk < cut.count; ++chunk) jobs_.push_back({&dataset, cut, chunk});
    }
  }

  // Stores the chunks before chunk `end` of `doubles` (one of the list), written as `dataset`.
  void write(hid_t dataset, const Doubles& doubles, hsize_t end) {
    for (; next_ < jobs_.size() && jobs_[next_].dataset == &doubles && jobs_[next_].chunk < end; ++next_) {
      if (next_ == last_) {
        stored_.clear();  // the previous batch is stored: free it before compressing the next
        first_ = next_;
        last_ = batch_end(jobs_, first_);
        stored_ = deflated_batch(std::span(jobs_).subspan(first_, last_ - first_), parallel_);
      }
      const ChunkJob& job = jobs_[next_];
      const std::vector<unsigned char>& bytes = stored_[next_ - first_];
      std::vector<hsize_t> offset(job.dataset->shape.size(), 0);
      offset[0] = job.chunk * job.cut.rows;
      checked(H5Dwrite_chunk(dataset, H5P_DEFAULT, 0, offset.data(), bytes.size(), bytes.data()),
              "writing " + doubles.name);
    }
  }

 private:
  Parallelism* parallel_;
  std::vector<ChunkJob> jobs_;  // every chunk of every dataset, in the order they are stored
  std::vector<std::vector<unsigned char>> stored_;  // the compressed chunks of jobs [first_, last_)
  std::size_t first_ = 0;
  std::size_t last_ = 0;
  std::size_t next_ = 0;
};

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
    chunk[0] = chunk_rows(shape);
    checked(H5Pset_chunk(properties, static_cast<int>(chunk.size()), chunk.data()), "chunking " + name);
    checked(H5Pset_shuffle(properties), "shuffling " + name);
    checked(H5Pset_deflate(properties, kDeflateLevel), "compressing " + name);
  }
  return Handle(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT),
                "creating dataset " + name);
}

void write_doubles(hid_t parent, std::span<const Doubles> datasets, Parallelism* parallel, const Describe& describe) {
  ChunkStore store(datasets, parallel);
  for (std::size_t i = 0; i < datasets.size(); ++i) {
    const Doubles& doubles = datasets[i];
    const Handle dataset = create_dataset(parent, doubles.name, H5T_NATIVE_DOUBLE, doubles.shape, Layout::compressed);
    const Chunking cut = chunking(doubles.shape);
    if (cut.count > 0) {
      create_chunk_index(dataset, doubles);
      store.write(dataset, doubles, cut.count - std::min(cut.count, chunks_cached(dataset, cut)));
    }
    describe(i, dataset);
    store.write(dataset, doubles, cut.count);
  }
}

void write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape, const double* values,
                   Parallelism* parallel, const std::function<void(hid_t)>& describe) {
  const Doubles dataset{name, shape, values};
  write_doubles(parent, std::span(&dataset, 1), parallel, [&](std::size_t, hid_t written) { describe(written); });
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

void write_tables(hid_t parent, const std::vector<Table>& tables, Parallelism* parallel) {
  for (const Table& table : tables) {
    const Handle group = create_group(parent, table.name);
    std::vector<Doubles> numbers;
    for (const Table::NumberColumn& column : table.numbers) {
      numbers.push_back({column.name, {column.values.size()}, column.values.data()});
    }
    write_doubles(group, numbers, parallel, [&](std::size_t index, hid_t dataset) {
      write_text_attribute(dataset, "unit", table.numbers[index].unit);
    });
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
