// The munisim subcommands; each returns the process exit code.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace munisim::app {

// Documented in README.md (Command line) and docs/reliability.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;       // a defect in munisim
inline constexpr int kExitBadInput = 2;       // bad input, or a run that cannot fit: refused before day 1
inline constexpr int kExitOutputFailed = 3;   // the disk refused the output after the run; nothing left behind
inline constexpr int kExitInterrupted = 130;  // the shell's convention for SIGINT

// Checkpoints while running (docs/checkpoint.md).
struct Checkpointing {
  int every_days = 0;  // 0: none
  std::string path;    // empty: the output's path with ".ckpt" appended
  int stop_after = 0;  // 0: run to the end; else stop after this many days, checkpointed, without output
};

struct ResumeOptions {
  std::string checkpoint;
  std::string out;  // empty: out/<scenario name>.h5
  int threads = 0;
  bool quiet = false;
  bool timings = false;  // print the time of each system after the run
  Checkpointing checkpointing;  // path empty: keep writing to `checkpoint`
};

struct RunOptions {
  std::string scenario;
  std::string out;  // empty: out/<scenario name>.h5
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> days;
  int threads = 0;  // 0: all hardware threads
  std::vector<std::string> overrides;
  std::string data_dir;
  bool quiet = false;
  bool timings = false;  // print the time of each system after the run
  Checkpointing checkpointing;
};

struct ExperimentOptions {
  std::string spec;
  std::string out;   // empty: out/<experiment name>.h5
  std::string html;  // empty: the output's name with .html
  int threads = 0;   // per run; 0: chosen with jobs to fill the cores (choose_parallelism)
  int jobs = 0;      // runs at once in this process; 0: chosen
  bool resume = false;
  std::string data_dir;
  bool quiet = false;
};

// --data-dir as an override of the scenario's data_dir, made absolute so it means the folder the user named.
std::vector<std::string> with_data_dir(std::vector<std::string> overrides, const std::string& data_dir);

// Prints the run's memory estimate to `stream` (none: silent), then refuses the run (InputError)
// when it exceeds the tightest memory limit.
void check_memory_estimate(const Scenario& scenario, std::FILE* stream);

// --out, or out/<name>.h5 (the scenario's or experiment's name), whose folder is munisim's own to create.
[[nodiscard]] std::filesystem::path output_path(const std::string& out, const std::string& name);

// --checkpoint, or the output's path with ".ckpt" appended.
[[nodiscard]] std::filesystem::path checkpoint_path(const Checkpointing& checkpointing,
                                                    const std::filesystem::path& output);

int run_command(const RunOptions& options);
// `run` of a world scenario (docs/world.md); `overrides` as the command line gives them.
int world_run_command(const RunOptions& options, const std::vector<std::string>& overrides);
int experiment_command(const ExperimentOptions& options);
int resume_command(const ResumeOptions& options);
int validate_command(const std::string& scenario, const std::vector<std::string>& overrides, bool print_resolved);
int info_command(const std::string& output);
int reference_command();
int report_command(const std::string& output, const std::string& html, const std::string& baseline);
// Serves the web viewer for one output, or two to compare (docs/viewer.md).
int view_command(const std::vector<std::string>& outputs, int port, const std::string& executable);

}  // namespace munisim::app
