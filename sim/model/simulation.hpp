// A scenario turned into a running world: builds the city and registers every domain's systems,
// steps the days, and gathers what the output writer and the KPI summary need.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "sim/city/city.hpp"
#include "sim/core/calendar.hpp"
#include "sim/core/checkpoint_file.hpp"
#include "sim/core/metrics.hpp"
#include "sim/core/traces.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/system_timings.hpp"
#include "sim/governance/governance_view.hpp"
#include "sim/io/output.hpp"
#include "sim/model/district_data.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {

class Scheduler;
struct Registration;

// Called after each simulated day with (days done, days planned).
using ProgressFn = std::function<void(int, int)>;

// Registers systems after every domain's, e.g. the ports through which a world exchanges values
// with one of its cities (sim/world/world_ports.hpp).
using ExtraSystems = std::function<void(Registration&)>;

class Simulation {
 public:
  // `backend` runs the parallel loops; every backend gives the same series (sim/core/parallel.hpp).
  Simulation(Scenario scenario, int threads, LoopBackend backend = default_loop_backend());
  Simulation(ResolvedScenario resolved, int threads, LoopBackend backend = default_loop_backend());
  Simulation(ResolvedScenario resolved, int threads, LoopBackend backend, const ExtraSystems& extra_systems);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Advances up to `days` days (not past the end). Throws Interrupted when *stop becomes true
  // between two days; the days already run stay valid.
  void step(int days, const std::atomic<bool>* stop = nullptr, const ProgressFn& progress = {});
  void run(const std::atomic<bool>* stop = nullptr, const ProgressFn& progress = {});

  [[nodiscard]] int days_planned() const noexcept { return metrics_.days(); }
  [[nodiscard]] int days_run() const noexcept { return days_run_; }
  [[nodiscard]] bool finished() const noexcept { return days_run_ == days_planned(); }
  [[nodiscard]] int threads() const noexcept { return threads_; }
  [[nodiscard]] const Scenario& scenario() const noexcept { return scenario_; }
  [[nodiscard]] const City& city() const noexcept { return city_; }
  [[nodiscard]] const MetricsRegistry& metrics() const noexcept { return metrics_; }
  // Citizens' opinions and complaint tickets; nullptr unless governance.enabled.
  [[nodiscard]] const GovernanceView* governance() const noexcept { return governance_.get(); }
  // Building the city and registering the systems, then each system's runs and, for the days run
  // after time_systems_alone(), its share of the time.
  [[nodiscard]] std::vector<SystemTiming> timings() const;
  // From now on every system is clocked and runs alone, in the declared order, so that its time is
  // its own: slower on many threads, same series.
  void time_systems_alone() noexcept;
  // What the user should know about how the city was built (e.g. a fallback to synthetic streets).
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return warnings_; }

  // Takes the waste and mobility measures of `validated` (the same scenario with measures added,
  // loaded and checked by the loader) for the days still to run. Measures dated before the next
  // day to run take effect on that day. Mobility measures can only be appended, and not a
  // trunk_line (its line is a column of the transit series from the first day): InputError.
  void update_measures(const Scenario& validated);

  // Everything the HDF5 writer needs, describing the days run so far.
  [[nodiscard]] OutputContent output() const;
  // The tables of the output's /meta (how the services were provisioned), which a world stacks
  // over its municipalities without building the rest of each one's output.
  [[nodiscard]] std::vector<Table> meta_tables() const;
  // The run's threads, which the writer borrows to compress the output once the days are run.
  [[nodiscard]] Parallelism& parallelism() const noexcept { return *parallel_; }

  // The whole state at the end of the days run so far (docs/checkpoint.md); Error when a
  // registered system keeps no state section. `scenario_dir` is the absolute folder of the
  // scenario file, against which a resumed run resolves relative data paths.
  [[nodiscard]] CheckpointImage checkpoint(const std::string& scenario_dir) const;
  // Continues from `image`, written by checkpoint() of this scenario (the caller built this
  // simulation from the scenario recorded in it); CheckpointError when any section does not fit.
  void restore(const CheckpointImage& image);

 private:
  std::chrono::system_clock::time_point wall_start_;  // first: the wall time includes building the city
  double build_start_s_ = monotonic_seconds();
  double build_start_cpu_s_ = process_cpu_seconds();
  SystemTiming building_{"(building the city)", 1};
  std::vector<std::string> data_notes_;               // sources of district values read from tables
  std::vector<std::string> city_notes_;               // sources of streets, boundaries and transit
  ProvisioningPlan provisioning_;                     // services given by rule to a city from city.ubigeo
  std::vector<std::string> warnings_;
  Scenario scenario_;
  int threads_;
  std::unique_ptr<Parallelism> parallel_;
  Calendar calendar_;
  City city_;
  MetricsRegistry metrics_;
  std::unique_ptr<Scheduler> scheduler_;
  std::shared_ptr<const GovernanceView> governance_;
  std::unique_ptr<TraceRecorder> traces_;  // only when the scenario asks for vehicle traces
  int days_run_ = 0;
};

}  // namespace munisim
