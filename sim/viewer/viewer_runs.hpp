// What the web viewer serves about one or two outputs, read once through sim/io: the catalogue,
// series as float32, geometry, and traces one day at a time (read from disk on each request so a
// year of traces never sits in memory).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim::viewer {

struct Run {
  std::filesystem::path path;
  OutputFile file{};
  std::string geometry_json{};  // "null" when the output has no /geometry
  std::vector<int> trace_days{};
  TracedVehicles vehicles{};
};

// Reads every output before anything is served; InputError names the file and what is wrong
// (missing, not HDF5, truncated, not a munisim output, newer format, outputs of different cities).
[[nodiscard]] std::vector<Run> load_runs(const std::vector<std::filesystem::path>& paths);

// JSON: per run its meta, scenario texts, dates, series (name, unit, description, dims, labels,
// shape), geometry table names, trace days and traced vehicles.
[[nodiscard]] std::string catalogue_json(const std::vector<Run>& runs);

// One series as little-endian float32 in row-major order; false when the run has no such series.
[[nodiscard]] bool series_bytes(const Run& run, const std::string& name, std::string& bytes, std::string& shape);

// One day of traces as five little-endian columns of `rows` 4-byte values, one after the other:
// vehicle (int32), edge (int32), enter_s, exit_s, load (float32). False when the day has no traces.
[[nodiscard]] bool trace_bytes(const Run& run, int day, std::string& bytes, std::size_t& rows);

}  // namespace munisim::viewer
