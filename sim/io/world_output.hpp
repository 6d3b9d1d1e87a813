// The HDF5 output of a world (layout: docs/output-format.md, "World files"): /meta with the world
// scenario, the municipalities and their provisioning, /series with a `municipality` dimension after
// `day`, /municipalities/<label>/series for series whose shape differs between municipalities, and
// /nation/series for the national agent's series.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/core/metrics.hpp"
#include "sim/io/output.hpp"

namespace munisim {

inline constexpr const char* kWorldOutputKind = "world";

struct WorldMunicipalityOutput {
  std::string label;                        // ubigeo or city name: the labels of the `municipality` dimension
  const MetricsRegistry* series = nullptr;  // its series; days [0, meta.days_run) are written
};

struct WorldContent {
  RunMeta meta;
  std::string scenario_text;
  std::string resolved_yaml;
  std::vector<Table> meta_tables;  // under /meta: municipalities, provisioning
  std::vector<WorldMunicipalityOutput> municipalities;
  // The series other MPI ranks sent, which `municipalities` point to; a local city's series are
  // read where the city keeps them, never copied.
  std::vector<std::unique_ptr<MetricsRegistry>> received;
  const MetricsRegistry* nation = nullptr;  // none: no /nation
};

// Complete or absent, as write_output; OutputError when the disk refuses it. The series are
// compressed on `parallel`'s threads (none: on this thread); the bytes are the same either way.
void write_world_output(const std::filesystem::path& path, const WorldContent& content,
                        Parallelism* parallel = nullptr);

// Whether `path` is a world output (/meta kind "world"); false for anything else, readable or not.
[[nodiscard]] bool is_world_output(const std::filesystem::path& path);

}  // namespace munisim
