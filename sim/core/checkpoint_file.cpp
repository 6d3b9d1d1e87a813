#include "sim/core/checkpoint_file.hpp"

#include <array>
#include <cstring>

#include "sim/core/state_archive.hpp"

namespace munisim {
namespace {

constexpr std::array<unsigned char, 8> kMagic = {'M', 'U', 'N', 'I', 'C', 'K', 'P', 'T'};
constexpr std::uint32_t kByteOrder = 0x01020304;
// Bounds on header fields, so a corrupted count or length cannot ask for memory.
constexpr std::uint32_t kMaxSections = 4096;
constexpr std::uint32_t kMaxName = 4096;

template <class T>
void put(std::vector<unsigned char>& out, T value) {
  const std::size_t at = out.size();
  out.resize(at + sizeof value);
  std::memcpy(out.data() + at, &value, sizeof value);
}
void put_text(std::vector<unsigned char>& out, const std::string& text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  const std::size_t at = out.size();
  out.resize(at + text.size());
  if (!text.empty()) std::memcpy(out.data() + at, text.data(), text.size());
}

// Reads the header; errors say which check failed.
class HeaderReader {
 public:
  explicit HeaderReader(std::span<const unsigned char> bytes) : bytes_(bytes) {}

  template <class T>
  T number(const char* what) {
    T value{};
    take(&value, sizeof value, what);
    return value;
  }
  std::string text(const char* what, std::uint32_t max) {
    const auto size = number<std::uint32_t>(what);
    if (size > max) throw CheckpointError(std::string("header: ") + what + " of " + std::to_string(size) + " bytes");
    std::string value(size, '\0');
    take(value.data(), size, what);
    return value;
  }
  [[nodiscard]] std::size_t at() const noexcept { return at_; }

 private:
  void take(void* into, std::size_t size, const char* what) {
    if (bytes_.size() - at_ < size) {
      throw CheckpointError(std::string("length: the file ends inside the header (") + what + ", " +
                            std::to_string(bytes_.size()) + " bytes)");
    }
    std::memcpy(into, bytes_.data() + at_, size);
    at_ += size;
  }
  std::span<const unsigned char> bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::uint64_t fnv1a64(std::span<const unsigned char> bytes, std::uint64_t hash) {
  for (const unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::uint64_t fnv1a64(std::string_view text, std::uint64_t hash) {
  return fnv1a64(std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()), hash);
}

std::span<const unsigned char> CheckpointImage::section(const std::string& name) const {
  for (const CheckpointSection& section : sections) {
    if (section.name == name) return section.bytes;
  }
  throw CheckpointError("section '" + name + "' is missing");
}

std::vector<unsigned char> encode_checkpoint(const CheckpointImage& image) {
  std::vector<unsigned char> out(kMagic.size());
  std::memcpy(out.data(), kMagic.data(), kMagic.size());
  put(out, kCheckpointFormat);
  put(out, kByteOrder);
  put_text(out, image.producer);
  put(out, image.identity);
  put(out, static_cast<std::uint32_t>(image.sections.size()));
  for (const CheckpointSection& section : image.sections) {
    put_text(out, section.name);
    put(out, section.bytes.size());
    put(out, fnv1a64(section.bytes));
  }
  put(out, fnv1a64(out));
  for (const CheckpointSection& section : image.sections) {
    out.insert(out.end(), section.bytes.begin(), section.bytes.end());
  }
  return out;
}

CheckpointImage decode_checkpoint(std::span<const unsigned char> bytes, const std::string& producer) {
  if (bytes.size() < kMagic.size() || std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) {
    throw CheckpointError("magic: not a munisim checkpoint");
  }
  HeaderReader header(bytes.subspan(kMagic.size()));
  const auto format = header.number<std::uint32_t>("format version");
  if (format != kCheckpointFormat) {
    throw CheckpointError("format version: " + std::to_string(format) + ", this munisim reads " +
                          std::to_string(kCheckpointFormat));
  }
  if (header.number<std::uint32_t>("byte order") != kByteOrder) {
    throw CheckpointError("byte order: written on a machine of the other endianness");
  }
  CheckpointImage image;
  image.producer = header.text("producer", kMaxName);
  image.identity = header.number<std::uint64_t>("identity");
  const auto count = header.number<std::uint32_t>("section count");
  if (count > kMaxSections) throw CheckpointError("header: " + std::to_string(count) + " sections");
  struct Entry {
    std::string name;
    std::uint64_t size, checksum;
  };
  std::vector<Entry> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string name = header.text("section name", kMaxName);
    const auto size = header.number<std::uint64_t>("section size");
    const auto checksum = header.number<std::uint64_t>("section checksum");
    entries.push_back({std::move(name), size, checksum});
  }
  const std::size_t header_end = kMagic.size() + header.at();
  const auto stored = header.number<std::uint64_t>("header checksum");
  if (stored != fnv1a64(bytes.first(header_end))) throw CheckpointError("header checksum: the header is corrupted");
  if (image.producer != producer) {
    throw CheckpointError("producer: written by " + image.producer + ", this is " + producer);
  }
  std::uint64_t expected = header_end + sizeof stored;
  for (const Entry& entry : entries) {
    if (entry.size > bytes.size()) {
      throw CheckpointError("length: section '" + entry.name + "' of " + std::to_string(entry.size) +
                            " bytes in a file of " + std::to_string(bytes.size()));
    }
    expected += entry.size;
  }
  if (expected != bytes.size()) {
    throw CheckpointError("length: the file has " + std::to_string(bytes.size()) + " bytes, its header announces " +
                          std::to_string(expected) + " (truncated or extended)");
  }
  std::size_t at = header_end + sizeof stored;
  for (const Entry& entry : entries) {
    const auto data = bytes.subspan(at, entry.size);
    if (fnv1a64(data) != entry.checksum) {
      throw CheckpointError("checksum of section '" + entry.name + "': the section is corrupted");
    }
    image.sections.push_back({entry.name, std::vector<unsigned char>(data.begin(), data.end())});
    at += entry.size;
  }
  return image;
}

}  // namespace munisim
