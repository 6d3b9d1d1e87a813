// A cache of imported street networks, so repeated runs of a city do not re-read its extract.
// Entries are keyed by the content of the input file and every setting that shapes the result;
// a stale, foreign or damaged entry is never used, only rebuilt.
#pragma once

#include <filesystem>

#include "sim/data/osm_network.hpp"

namespace munisim {

struct CachedOsmNetwork {
  OsmNetwork network;
  bool from_cache = false;
  std::filesystem::path cache_file;  // empty when caching is off
};

// MUNISIM_CACHE_DIR, else $XDG_CACHE_HOME/munisim, else $HOME/.cache/munisim; empty when none is set.
[[nodiscard]] std::filesystem::path default_cache_dir();

// Reads the network from `cache_dir` when it holds an entry for these inputs, otherwise imports
// it and stores it there (atomically; a cache that cannot be written only costs time).
// An empty `cache_dir` turns caching off.
[[nodiscard]] CachedOsmNetwork load_osm_network(const std::filesystem::path& file, const LocalProjection& projection,
                                                const StreetsConfig& streets, const std::filesystem::path& cache_dir);

}  // namespace munisim
