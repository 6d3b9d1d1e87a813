// The checkpoint file format, domain-free: a header (magic, format version, byte order, the
// producer's version, a run identity, a table of named sections with sizes and FNV-1a 64
// checksums, the header's own checksum) and the sections' bytes. Layout: docs/checkpoint.md.
// Decoding checks, in order, everything that can be checked before any section is parsed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace munisim {

inline constexpr std::uint32_t kCheckpointFormat = 1;

// FNV-1a, 64 bits: detects any single flipped byte and truncation (with the stored sizes).
[[nodiscard]] std::uint64_t fnv1a64(std::span<const unsigned char> bytes, std::uint64_t hash = 14695981039346656037ull);
[[nodiscard]] std::uint64_t fnv1a64(std::string_view text, std::uint64_t hash = 14695981039346656037ull);

struct CheckpointSection {
  std::string name;
  std::vector<unsigned char> bytes;
};

struct CheckpointImage {
  std::string producer;   // who wrote it, e.g. "munisim 0.9.0 (v0.9.0-12-gabc)"; must match the reader's
  std::uint64_t identity = 0;  // what run it belongs to (the resolved scenario and seed, hashed)
  std::vector<CheckpointSection> sections;

  // The bytes of section `name`; CheckpointError when the checkpoint has none.
  [[nodiscard]] std::span<const unsigned char> section(const std::string& name) const;
};

[[nodiscard]] std::vector<unsigned char> encode_checkpoint(const CheckpointImage& image);

// CheckpointError naming the failed check: "magic", "format version", "byte order", "header
// checksum", "producer", "length", "checksum of section 'x'". `producer` is the reader's own.
[[nodiscard]] CheckpointImage decode_checkpoint(std::span<const unsigned char> bytes, const std::string& producer);

}  // namespace munisim
