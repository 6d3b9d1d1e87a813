#include "sim/model/checkpoint.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "munisim/version.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/output_error.hpp"
#include "sim/model/district_data.hpp"

namespace munisim {
namespace {

constexpr const char* kCitySection = "city";
constexpr const char* kSeriesSection = "series";
constexpr const char* kTracesSection = "traces";

// The built city is never changed by a run, so it is rebuilt from the scenario on resume; its
// fingerprint catches data files that changed in between.
std::uint64_t city_fingerprint(const City& city) {
  std::uint64_t hash = fnv1a64(std::string_view(city.name));
  for (const AgentTable* table : {&city.households, &city.citizens}) {
    for (const ColumnInfo& column : table->columns()) {
      static constexpr std::size_t kBytes[] = {1, 4, 4, 8, 4, 8};  // by ColumnType
      hash = fnv1a64(std::string_view(column.name), hash);
      hash = fnv1a64(std::span(static_cast<const unsigned char*>(column.data),
                               column.size * kBytes[static_cast<std::size_t>(column.type)]),
                     hash);
    }
  }
  hash = fnv1a64(std::span(reinterpret_cast<const unsigned char*>(city.node_district.data()),
                           city.node_district.size() * sizeof(std::uint32_t)),
                 hash);
  for (const Facility& facility : city.facilities) {
    hash = fnv1a64(std::string_view(facility.name + "|" + facility.kind + "|" + std::to_string(facility.node)), hash);
  }
  return hash;
}

std::vector<unsigned char> read_bytes(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw CheckpointError("cannot be read: " + (error ? error.message() : std::string("not a regular file")));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CheckpointError("cannot be read: " + std::generic_category().message(errno));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string scenario_folder(const std::filesystem::path& scenario) {
  return std::filesystem::absolute(scenario).parent_path().lexically_normal().string();
}

}  // namespace

std::string checkpoint_producer() { return std::string("munisim ") + kVersion + " (" + kGitDescribe + ")"; }

CheckpointImage Simulation::checkpoint(const std::string& scenario_dir) const {
  CheckpointImage image;
  image.producer = checkpoint_producer();
  CheckpointRun run{scenario_.source, scenario_dir,     scenario_.text, scenario_.resolved_yaml(),
                    scenario_.files,  days_run_,        days_planned()};
  image.identity = fnv1a64(std::string_view(run.resolved_yaml));
  StateWriter run_writer;
  SaveArchive run_archive(run_writer);
  run_archive(run);
  image.sections.push_back({kRunSection, run_writer.take()});
  StateWriter city_writer;
  std::uint64_t fingerprint = city_fingerprint(city_);
  SaveArchive city_archive(city_writer);
  city_archive(fingerprint);
  image.sections.push_back({kCitySection, city_writer.take()});
  StateWriter series_writer;
  metrics_.save_days(series_writer, days_run_);
  image.sections.push_back({kSeriesSection, series_writer.take()});
  if (traces_) {
    StateWriter traces_writer;
    SaveArchive traces_archive(traces_writer);
    traces_archive(*traces_);
    image.sections.push_back({kTracesSection, traces_writer.take()});
  }
  for (auto& [name, bytes] : scheduler_->save_state()) image.sections.push_back({name, std::move(bytes)});
  return image;
}

void Simulation::restore(const CheckpointImage& image) {
  const CheckpointRun run = checkpoint_run(image);
  if (run.days_planned != days_planned() || run.days_run < 0 || run.days_run > days_planned()) {
    throw CheckpointError("section 'run': day " + std::to_string(run.days_run) + " of " +
                          std::to_string(run.days_planned) + " does not fit a run of " +
                          std::to_string(days_planned()) + " days");
  }
  StateReader city_reader(image.section(kCitySection), kCitySection);
  LoadArchive city_archive(city_reader);
  std::uint64_t fingerprint = 0;
  city_archive(fingerprint);
  city_reader.finish();
  if (fingerprint != city_fingerprint(city_)) {
    throw CheckpointError("city: the city built now differs from the checkpoint's (did a data file change?)");
  }
  StateReader series_reader(image.section(kSeriesSection), kSeriesSection);
  metrics_.restore_days(series_reader, run.days_run);
  if (traces_) {
    StateReader traces_reader(image.section(kTracesSection), kTracesSection);
    LoadArchive traces_archive(traces_reader);
    traces_archive(*traces_);
    traces_reader.finish();
  }
  scheduler_->restore_state([&](const std::string& name) { return image.section(name); });
  scenario_.source = run.scenario_source;
  scenario_.text = run.scenario_text;
  scenario_.files = run.files;
  days_run_ = run.days_run;
}

CheckpointRun checkpoint_run(const CheckpointImage& image) {
  StateReader reader(image.section(kRunSection), kRunSection);
  LoadArchive archive(reader);
  CheckpointRun run;
  archive(run);
  reader.finish();
  if (fnv1a64(std::string_view(run.resolved_yaml)) != image.identity) {
    throw CheckpointError("scenario hash: the scenario in section 'run' is not the one the checkpoint was written for");
  }
  return run;
}

void save_checkpoint(const Simulation& simulation, const std::filesystem::path& path) {
  const std::vector<unsigned char> bytes =
      encode_checkpoint(simulation.checkpoint(scenario_folder(simulation.scenario().source)));
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error)) {
    // The current checkpoint stays under its name until the new one replaces it whole; a hard
    // link (a copy where links are not supported) keeps it as the previous one.
    std::filesystem::path previous = path;
    previous += ".prev";
    std::filesystem::path staging = path;
    staging += ".prev-new";
    std::filesystem::remove(staging, error);
    std::filesystem::create_hard_link(path, staging, error);
    if (error) std::filesystem::copy_file(path, staging, error);
    if (!error) std::filesystem::rename(staging, previous, error);
    if (error) {
      const int error_number = error.value();
      std::filesystem::remove(staging, error);
      throw OutputError(previous, "keeping the previous checkpoint", error_number);
    }
  }
  write_file_atomically(path, bytes);
}

OpenedCheckpoint open_checkpoint(const std::filesystem::path& path) {
  try {
    CheckpointImage image = decode_checkpoint(read_bytes(path), checkpoint_producer());
    const CheckpointRun run = checkpoint_run(image);
    // The scenario's path as given when it still names the same folder (so data paths, and the
    // notes in /meta that quote them, read as in the run), else its absolute path.
    std::filesystem::path scenario_file = run.scenario_source;
    if (scenario_folder(scenario_file) != run.scenario_dir) {
      scenario_file = std::filesystem::path(run.scenario_dir) / scenario_file.filename();
    }
    ResolvedScenario resolved =
        resolve_district_data(load_scenario_text(run.resolved_yaml, scenario_file.string(), run.scenario_dir));
    if (resolved.scenario.resolved_yaml() != run.resolved_yaml) {
      throw CheckpointError("scenario hash: the recorded scenario resolves differently now (did a data table change?)");
    }
    resolved.scenario.files = run.files;  // for the output check: the files the run read
    return {path, std::move(image), std::move(resolved)};
  } catch (const CheckpointError& error) {
    throw InputError({path.string(), 0, 0}, "", "checkpoint: " + error.problem());
  }
}

std::unique_ptr<Simulation> resume_simulation(OpenedCheckpoint checkpoint, int threads) {
  try {
    auto simulation = std::make_unique<Simulation>(std::move(checkpoint.scenario), threads);
    simulation->restore(checkpoint.image);
    return simulation;
  } catch (const CheckpointError& error) {
    throw InputError({checkpoint.path.string(), 0, 0}, "", "checkpoint: " + error.problem());
  }
}

std::unique_ptr<Simulation> resume_simulation(const std::filesystem::path& path, int threads) {
  return resume_simulation(open_checkpoint(path), threads);
}

}  // namespace munisim
