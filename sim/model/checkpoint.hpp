// Checkpoint files of a run: written at day boundaries (atomically, the previous one kept as
// "<path>.prev") and resumed into a simulation that finishes the run as if it had never stopped.
// Format and guarantees: docs/checkpoint.md.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/core/checkpoint_file.hpp"
#include "sim/model/district_data.hpp"
#include "sim/model/simulation.hpp"

namespace munisim {

// "munisim <version> (<git describe>)": a checkpoint resumes only in the build that wrote it.
[[nodiscard]] std::string checkpoint_producer();

// What the "run" section records: the scenario as the user gave it and as it resolved.
struct CheckpointRun {
  std::string scenario_source;  // as given, recorded in the output's /meta
  std::string scenario_dir;     // absolute folder of the scenario file
  std::string scenario_text;
  std::string resolved_yaml;
  std::vector<std::string> files;
  std::int32_t days_run = 0;
  std::int32_t days_planned = 0;

  template <class Archive>
  void persist(Archive& archive) {
    archive(scenario_source, scenario_dir, scenario_text, resolved_yaml, files, days_run, days_planned);
  }
};

inline constexpr const char* kRunSection = "run";

// Writes the simulation's checkpoint to `path`; an existing checkpoint there becomes
// "<path>.prev" (replacing an older one) without ever leaving `path` incomplete or absent.
// OutputError as for outputs, also when the previous checkpoint cannot be kept.
void save_checkpoint(const Simulation& simulation, const std::filesystem::path& path);

// A checkpoint read and checked, with its scenario loaded again: what a resume can check (memory,
// the output path) before it builds the city.
struct OpenedCheckpoint {
  std::filesystem::path path;
  CheckpointImage image;
  ResolvedScenario scenario;
};

// InputError naming the file and the failed check for anything that is not a whole checkpoint of
// this build whose scenario resolves as it did.
[[nodiscard]] OpenedCheckpoint open_checkpoint(const std::filesystem::path& path);

// The checkpoint's run, rebuilt and restored, ready to step its remaining days; InputError as above.
[[nodiscard]] std::unique_ptr<Simulation> resume_simulation(OpenedCheckpoint checkpoint, int threads);
[[nodiscard]] std::unique_ptr<Simulation> resume_simulation(const std::filesystem::path& path, int threads);

// The run section of a decoded checkpoint.
[[nodiscard]] CheckpointRun checkpoint_run(const CheckpointImage& image);

}  // namespace munisim
