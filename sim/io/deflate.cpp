#include "sim/io/detail/deflate.hpp"

#include <zlib.h>

#include "sim/core/error.hpp"

namespace munisim::io_detail {

std::vector<unsigned char> shuffle_deflate(std::span<const unsigned char> chunk, std::size_t element_bytes, int level) {
  // Byte j of every element together, then byte j + 1 (H5Z_filter_shuffle); whole elements only,
  // as a chunk of doubles always is.
  const std::size_t elements = chunk.size() / element_bytes;
  std::vector<unsigned char> shuffled(chunk.size());
  for (std::size_t byte = 0; byte < element_bytes; ++byte) {
    unsigned char* out = shuffled.data() + byte * elements;
    for (std::size_t element = 0; element < elements; ++element) out[element] = chunk[element * element_bytes + byte];
  }
  uLongf size = compressBound(static_cast<uLong>(shuffled.size()));
  std::vector<unsigned char> stored(size);
  if (compress2(stored.data(), &size, shuffled.data(), static_cast<uLong>(shuffled.size()), level) != Z_OK) {
    throw Error("deflating a chunk of the output failed");
  }
  stored.resize(size);
  return stored;
}

}  // namespace munisim::io_detail
