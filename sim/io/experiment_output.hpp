// The HDF5 file of an experiment (layout: docs/output-format.md, "Experiment files"): /meta with
// the spec, a group per run under /runs, and the summary tables under /summary. It holds no
// times, hosts or thread counts, so the same experiment always gives the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {

struct ExperimentRun {
  std::string id;  // the group's name under /runs
  std::string variant;
  int replication = 0;
  std::int64_t seed = 0;
  std::vector<std::string> overrides;  // as --set takes them
  OutputFile output;                   // the run's scenario, dates and series
  std::vector<Table> tables = {};      // results kept as tables (a world run's, per municipality)
};

struct ExperimentContent {
  std::vector<std::pair<std::string, std::string>> text_attrs;  // of /meta
  std::vector<std::pair<std::string, double>> number_attrs;
  std::string spec_text;
  std::size_t run_count = 0;
  std::function<ExperimentRun(std::size_t)> run;  // called once per run, in order, so one run is in memory at a time
  std::vector<Table> summary;                     // /summary/<table>/<column>
};

// Complete or absent, as write_output; OutputError when the disk refuses it.
void write_experiment(const std::filesystem::path& path, const ExperimentContent& content);

}  // namespace munisim
