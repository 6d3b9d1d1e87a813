#include "sim/experiment/work_folder.hpp"

#include "sim/io/atomic_file.hpp"
#include "sim/io/output.hpp"

namespace munisim {

std::filesystem::path work_folder(const std::filesystem::path& output) {
  std::filesystem::path folder = output;
  folder += ".work";
  return folder;
}

std::filesystem::path run_file(const std::filesystem::path& work, const PlannedRun& run) {
  return work / ("run-" + run.id() + ".h5");
}

bool run_finished(const ExperimentPlan& plan, const std::filesystem::path& work, const PlannedRun& run) {
  const std::filesystem::path file = run_file(work, run);
  if (!std::filesystem::is_regular_file(file)) return false;
  try {
    return read_resolved_yaml(file) == run_resolved_yaml(plan, run);
  } catch (const Error&) {
    return false;  // not a complete output: the run is done again and its file replaced
  }
}

std::size_t stored_runs(const std::filesystem::path& work) {
  std::error_code ignored;
  if (!std::filesystem::is_directory(work, ignored)) return 0;
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(work)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("run-") && entry.path().extension() == ".h5") ++count;
  }
  return count;
}

std::vector<std::size_t> pending_runs(const ExperimentPlan& plan, const std::filesystem::path& work) {
  std::vector<std::size_t> pending;
  for (const PlannedRun& run : plan.runs) {
    if (!run_finished(plan, work, run)) pending.push_back(run.index);
  }
  return pending;
}

void store_run(const std::filesystem::path& work, const PlannedRun& run, std::span<const unsigned char> image) {
  std::filesystem::create_directories(work);
  write_file_atomically(run_file(work, run), image);
}

}  // namespace munisim
