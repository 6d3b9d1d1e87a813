// The HDF5 output of a run (layout: docs/output-format.md) and reading it back. An output is
// complete or absent: it is written under a temporary name and renamed only when whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/metrics.hpp"
#include "sim/core/traces.hpp"
#include "sim/io/file_image.hpp"

namespace munisim {

class Parallelism;

// Written to /meta as format_version; a reader refuses files of a newer format instead of
// misreading them.
inline constexpr int kOutputFormatVersion = 1;

struct RunMeta {
  std::string scenario_name;
  std::string scenario_source;
  std::int64_t seed = 0;
  int threads = 1;
  int ranks = 1;
  std::string start_date;  // first simulated day, YYYY-MM-DD
  int days_planned = 0;
  int days_run = 0;
  std::string wall_start_utc;
  std::string wall_end_utc;
  double wall_seconds = 0;
  std::vector<std::pair<std::string, std::string>> text_attrs;  // e.g. {"city_source", "synthetic"}
  std::vector<std::pair<std::string, double>> number_attrs;     // e.g. {"network_nodes", 1234}
};

// A table written under /geometry/<name>/, one dataset per column; columns have equal length.
struct Table {
  struct NumberColumn {
    std::string name;
    std::string unit;
    std::vector<double> values;
  };
  struct IntColumn {
    std::string name;
    std::vector<std::int64_t> values;
  };
  struct TextColumn {
    std::string name;
    std::vector<std::string> values;
  };
  std::string name;  // "districts", "network_nodes", ...
  std::vector<NumberColumn> numbers{};
  std::vector<IntColumn> ints{};
  std::vector<TextColumn> texts{};
};

struct OutputContent {
  RunMeta meta;
  std::string scenario_text;
  std::string resolved_yaml;
  const MetricsRegistry* metrics = nullptr;
  std::vector<Table> geometry;
  std::vector<Table> meta_tables;  // written under /meta/<name>, e.g. provisioning
  std::optional<Traces> traces{};  // none: no /events
};

// Throws OutputError (the path, the failed step and its errno) when the disk refuses the file (full
// disk, file-size limit, I/O error, missing directory), Error when HDF5 fails, and leaves neither
// the final nor a temporary file in either case. The series are compressed on `parallel`'s threads
// (the run's; none: on this thread), which gives the same bytes for any thread count.
void write_output(const std::filesystem::path& path, const OutputContent& content, Parallelism* parallel = nullptr);

// The bytes write_output would write (Error when HDF5 fails), for callers that move or keep the
// file elsewhere (an experiment's finished runs).
[[nodiscard]] FileImage output_image(const OutputContent& content, Parallelism* parallel = nullptr);

// The output's size before compression with every planned day written: an upper bound for the
// series (they compress), close for the rest. What check_output_target compares with the room.
[[nodiscard]] std::uint64_t estimated_output_bytes(const OutputContent& content);

struct SeriesData {
  std::string name;
  std::string unit;
  std::string description;
  std::string summary;
  std::vector<std::string> dims;                 // "day" first
  std::vector<std::vector<std::string>> labels;  // per dimension after "day"
  std::vector<std::size_t> shape;
  std::vector<double> values;  // row-major over shape
};

struct OutputFile {
  std::map<std::string, std::string> text_meta;
  std::map<std::string, double> number_meta;
  std::string scenario_text;
  std::string resolved_yaml;
  std::vector<std::string> dates;
  std::vector<SeriesData> series;
  std::vector<std::string> geometry_tables;
};

// InputError when the file is missing or not a munisim output.
[[nodiscard]] OutputFile read_output(const std::filesystem::path& path);

// Whether two outputs are runs of the same city (the same city_name and number of districts), so
// that their series can be compared district by district.
[[nodiscard]] bool same_city(const OutputFile& first, const OutputFile& other);
// "Trujillo, 9 districts": what same_city compares, for messages.
[[nodiscard]] std::string city_description(const OutputFile& file);

// Only /meta/scenario/resolved: whether an output was made from a given scenario, without reading
// its series. InputError as read_output.
[[nodiscard]] std::string read_resolved_yaml(const std::filesystem::path& path);

// The readers below throw InputError when the file is missing, not a munisim output, or damaged.
// Every table under /geometry with its columns (text, integer, or number with its unit).
[[nodiscard]] std::vector<Table> read_geometry(const std::filesystem::path& path);

// The days with traces, ascending; empty when the file has no /events.
[[nodiscard]] std::vector<int> read_trace_days(const std::filesystem::path& path);
[[nodiscard]] TracedVehicles read_traced_vehicles(const std::filesystem::path& path);
// InputError when `day` has no traces.
[[nodiscard]] TraceDay read_trace_day(const std::filesystem::path& path, int day);

}  // namespace munisim
