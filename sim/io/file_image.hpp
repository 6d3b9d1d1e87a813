// The bytes of a file built in memory, owned. HDF5's in-memory file is handed over as it is when the
// file closes instead of being copied out of it, so that an output is held once, not twice, at the
// moment a run's memory peaks.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <span>
#include <utility>

namespace munisim {

class FileImage {
 public:
  // Frees memory obtained from std::malloc or std::realloc.
  struct Free {
    void operator()(unsigned char* bytes) const noexcept { std::free(bytes); }
  };
  using Bytes = std::unique_ptr<unsigned char, Free>;

  FileImage() = default;
  // Owns `bytes`, of which the first `size` are the file (the block may be larger).
  FileImage(Bytes bytes, std::size_t size) noexcept : bytes_(std::move(bytes)), size_(bytes_ ? size : 0) {}
  FileImage(FileImage&& other) noexcept : bytes_(std::move(other.bytes_)), size_(std::exchange(other.size_, 0)) {}
  FileImage& operator=(FileImage&& other) noexcept {
    bytes_ = std::move(other.bytes_);
    size_ = std::exchange(other.size_, 0);
    return *this;
  }

  [[nodiscard]] const unsigned char* data() const noexcept { return bytes_.get(); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::span<const unsigned char> bytes() const noexcept { return {data(), size_}; }
  operator std::span<const unsigned char>() const noexcept { return bytes(); }  // NOLINT: written as bytes

 private:
  Bytes bytes_;
  std::size_t size_ = 0;
};

}  // namespace munisim
