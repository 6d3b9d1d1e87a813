// HDF5's shuffle and deflate filters, done outside HDF5 so that a file's chunks can be compressed on
// several threads and handed to HDF5 ready to store (H5Dwrite_chunk). Private to sim/io.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace munisim::io_detail {

// The bytes HDF5 stores for `chunk` (a whole chunk, edge chunks padded with zeros) through its
// shuffle filter for elements of `element_bytes` and then its deflate filter at `level`: zlib's
// compress2 of the shuffled bytes, as H5Z_filter_deflate calls it.
[[nodiscard]] std::vector<unsigned char> shuffle_deflate(std::span<const unsigned char> chunk, std::size_t element_bytes,
                                                         int level);

}  // namespace munisim::io_detail
