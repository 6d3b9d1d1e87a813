#include "sim/data/network_cache.hpp"

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/io/atomic_file.hpp"

namespace munisim {
namespace {

// Bump when the import or this layout changes, so old entries stop matching.
constexpr std::uint64_t kFormatVersion = 1;
constexpr char kMagic[8] = {'m', 'u', 'n', 'i', 'o', 's', 'm', '\n'};

class Fnv1a64 {
 public:
  void add(std::span<const unsigned char> bytes) {
    for (unsigned char byte : bytes) hash_ = (hash_ ^ byte) * 0x100000001b3ULL;
  }
  template <class T>
  void add_value(const T& value) {
    add(std::as_bytes(std::span(&value, 1)));
  }
  [[nodiscard]] std::uint64_t value() const { return hash_; }

 private:
  void add(std::span<const std::byte> bytes) {
    add(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::vector<unsigned char> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint64_t cache_key(const std::vector<unsigned char>& content, const LocalProjection& projection,
                        const StreetsConfig& streets) {
  Fnv1a64 hash;
  hash.add_value(kFormatVersion);
  hash.add(content);
  hash.add_value(projection.origin().lon);
  hash.add_value(projection.origin().lat);
  hash.add_value(streets.speeds);  // a struct of doubles only: no padding to hash
  hash.add_value(streets.walk_speed_kmh);
  return hash.value();
}

class Writer {
 public:
  template <class T>
  void value(const T& item) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(&item);
    bytes_.insert(bytes_.end(), bytes, bytes + sizeof(T));
  }
  void network(const RoadNetwork& network) {
    value(static_cast<std::uint64_t>(network.node_count()));
    for (NodeId node = 0; node < network.node_count(); ++node) {
      value(network.node_x(node));
      value(network.node_y(node));
    }
    value(static_cast<std::uint64_t>(network.edge_count()));
    for (EdgeId edge = 0; edge < network.edge_count(); ++edge) {
      value(network.edge_from(edge));
      value(network.edge_to(edge));
      value(network.edge_length_m(edge));
      value(network.edge_free_speed_kmh(edge));
      value(network.edge_lanes(edge));
    }
  }
  [[nodiscard]] const std::vector<unsigned char>& bytes() const { return bytes_; }

 private:
  std::vector<unsigned char> bytes_;
};

// Reads what Writer wrote; any shortfall or inconsistency marks the entry unusable.
class Reader {
 public:
  explicit Reader(std::span<const unsigned char> bytes) : bytes_(bytes) {}
  template <class T>
  T value() {
    T item{};
    if (offset_ + sizeof(T) > bytes_.size()) {
      ok_ = false;
      return item;
    }
    std::memcpy(&item, bytes_.data() + offset_, sizeof(T));
    offset_ += sizeof(T);
    return item;
  }
  // Edges are re-added in id order, which RoadNetworkBuilder turns back into the same ids.
  RoadNetwork network() {
    RoadNetworkBuilder builder;
    const auto nodes = count(2 * sizeof(double));
    for (std::uint64_t node = 0; node < nodes; ++node) {
      const auto x = value<double>();
      builder.add_node(x, value<double>());
    }
    const auto edges = count(2 * sizeof(NodeId) + 2 * sizeof(double) + sizeof(int));
    for (std::uint64_t edge = 0; edge < edges && ok_; ++edge) {
      const auto from = value<NodeId>();
      const auto to = value<NodeId>();
      const auto length = value<double>();
      const auto speed = value<double>();
      const auto lanes = value<int>();
      if (from >= nodes || to >= nodes || !(length >= 0) || !(speed > 0) || lanes < 1) ok_ = false;
      if (ok_) builder.add_edge(from, to, length, speed, lanes);
    }
    return builder.build();
  }
  [[nodiscard]] bool ok() const { return ok_ && offset_ == bytes_.size(); }

 private:
  // A count whose records cannot fit in what is left is damage, not a reason to allocate.
  std::uint64_t count(std::size_t record_bytes) {
    const auto items = value<std::uint64_t>();
    if (items > (bytes_.size() - std::min(offset_, bytes_.size())) / record_bytes) {
      ok_ = false;
      return 0;
    }
    return items;
  }
  std::span<const unsigned char> bytes_;
  std::size_t offset_ = 0;
  bool ok_ = true;
};

std::vector<unsigned char> serialise(const OsmNetwork& network, std::uint64_t key) {
  Writer writer;
  for (char byte : kMagic) writer.value(byte);
  writer.value(key);
  writer.network(network.drive);
  writer.network(network.walk);
  writer.value(static_cast<std::uint64_t>(network.buildings.size()));
  for (const PointXY& building : network.buildings) writer.value(building);
  writer.value(static_cast<std::uint64_t>(network.highway_ways));
  writer.value(static_cast<std::uint64_t>(network.drive_nodes_before_pruning));
  return writer.bytes();
}

bool deserialise(const std::vector<unsigned char>& bytes, std::uint64_t key, OsmNetwork& network) {
  Reader reader(bytes);
  for (char byte : kMagic) {
    if (reader.value<char>() != byte) return false;
  }
  if (reader.value<std::uint64_t>() != key) return false;
  network.drive = reader.network();
  network.walk = reader.network();
  const auto buildings = reader.value<std::uint64_t>();
  if (buildings > bytes.size() / sizeof(PointXY)) return false;
  network.buildings.resize(buildings);
  for (PointXY& building : network.buildings) building = reader.value<PointXY>();
  network.highway_ways = reader.value<std::uint64_t>();
  network.drive_nodes_before_pruning = reader.value<std::uint64_t>();
  return reader.ok();
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return text;
}

}  // namespace

std::filesystem::path default_cache_dir() {
  const auto variable = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value == nullptr ? "" : value;
  };
  if (const std::string dir = variable("MUNISIM_CACHE_DIR"); !dir.empty()) return dir;
  if (const std::string dir = variable("XDG_CACHE_HOME"); !dir.empty()) return std::filesystem::path(dir) / "munisim";
  if (const std::string dir = variable("HOME"); !dir.empty()) return std::filesystem::path(dir) / ".cache/munisim";
  return {};
}

CachedOsmNetwork load_osm_network(const std::filesystem::path& file, const LocalProjection& projection,
                                  const StreetsConfig& streets, const std::filesystem::path& cache_dir) {
  CachedOsmNetwork result;
  if (cache_dir.empty() || !std::filesystem::is_regular_file(file)) {
    result.network = read_osm_network(file, projection, streets);
    return result;
  }
  const std::uint64_t key = cache_key(read_bytes(file), projection, streets);
  result.cache_file = cache_dir / ("osm-" + hex(key) + ".bin");
  std::error_code ignored;
  if (std::filesystem::is_regular_file(result.cache_file, ignored) &&
      deserialise(read_bytes(result.cache_file), key, result.network)) {
    result.from_cache = true;
    return result;
  }
  result.network = read_osm_network(file, projection, streets);
  try {
    std::filesystem::create_directories(cache_dir);
    write_file_atomically(result.cache_file, serialise(result.network, key));
  } catch (const std::exception&) {
    result.cache_file.clear();  // a read-only or full disk only means the next run imports again
  }
  return result;
}

}  // namespace munisim
