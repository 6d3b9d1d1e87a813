#include "sim/model/simulation.hpp"

#include <algorithm>

#include "sim/city/census.hpp"
#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/governance/governance_service.hpp"
#include "sim/mobility/mobility_measures.hpp"
#include "sim/mobility/mobility_service.hpp"
#include "sim/model/district_data.hpp"
#include "sim/model/geometry.hpp"
#include "sim/model/real_city.hpp"
#include "sim/model/wall_clock.hpp"
#include "sim/provisioning/generated_lines.hpp"
#include "sim/provisioning/provisioning_table.hpp"
#include "sim/waste/register_waste.hpp"

namespace munisim {

namespace {

Scenario take_scenario(ResolvedScenario& resolved, std::vector<std::string>& notes, ProvisioningPlan& provisioning) {
  notes = std::move(resolved.data_notes);
  provisioning = std::move(resolved.provisioning);
  return std::move(resolved.scenario);
}

// `given` must start with the measures already `known` (in effect as the simulation has them); the
// rest are new, and those dated before `next_day` start on it.
template <class Measure, class Same>
std::vector<Measure> appended_measures(const std::vector<Measure>& known, std::vector<Measure> given, Date next_day,
                                       const char* key, Same same) {
  if (given.size() < known.size() || !std::equal(known.begin(), known.end(), given.begin(), same)) {
    throw InputError({}, key, "can only be added to while the simulation runs");
  }
  std::copy(known.begin(), known.end(), given.begin());
  for (std::size_t i = known.size(); i < given.size(); ++i) {
    if (given[i].start_date.days_since_epoch() < next_day.days_since_epoch()) given[i].start_date = next_day;
  }
  return given;
}

City take_city(CityBuild build, std::vector<std::string>& notes, std::vector<std::string>& warnings) {
  notes = std::move(build.notes);
  warnings = std::move(build.warnings);
  return std::move(build.city);
}

std::string joined(const std::vector<std::string>& notes, const char* none) {
  std::string text;
  for (const std::string& note : notes) text += (text.empty() ? "" : "; ") + note;
  return text.empty() ? none : text;
}

}  // namespace

Simulation::Simulation(Scenario scenario, int threads, LoopBackend backend)
    : Simulation(resolve_district_data(std::move(scenario)), threads, backend) {}

Simulation::Simulation(ResolvedScenario resolved, int threads, LoopBackend backend)
    : Simulation(std::move(resolved), threads, backend, {}) {}

Simulation::Simulation(ResolvedScenario resolved, int threads, LoopBackend backend, const ExtraSystems& extra_systems)
    : wall_start_(std::chrono::system_clock::now()),
      scenario_(take_scenario(resolved, data_notes_, provisioning_)),
      threads_(threads),
      parallel_(std::make_unique<Parallelism>(threads, backend)),
      calendar_(scenario_.config.start_date),
      city_(take_city(build_city(scenario_, static_cast<std::uint64_t>(scenario_.config.seed), *parallel_), city_notes_,
                      warnings_)),
      metrics_(static_cast<int>(scenario_.config.days)),
      scheduler_(std::make_unique<Scheduler>(calendar_)) {
  if (provisioning_.bus_lines > 0) {
    provisioning_.records.push_back(
        add_generated_lines(city_, provisioning_.seat, provisioning_.bus_lines, scenario_.config.city.transit));
  }
  Registration registration{*scheduler_, metrics_, scheduler_->channels(), *parallel_,
                            static_cast<std::uint64_t>(scenario_.config.seed)};
  if (!scenario_.config.output.traces.days.empty()) {
    const std::vector<double>& days = scenario_.config.output.traces.days;
    traces_ = std::make_unique<TraceRecorder>(std::vector<int>(days.begin(), days.end()));
    registration.traces = traces_.get();
  }
  register_census(registration, city_);
  register_waste(registration, city_, scenario_.config.waste, scenario_.config.climate);
  register_mobility(registration, city_, scenario_.config.mobility, scenario_.config.city.transit,
                    scenario_.config.climate);
  if (scenario_.config.governance.enabled) {
    governance_ = register_governance(registration, city_, scenario_.config.governance,
                                      scenario_.config.mobility.enabled);
  }
  if (extra_systems) extra_systems(registration);
  scheduler_->seal();
  building_.wall_s = monotonic_seconds() - build_start_s_;
  building_.cpu_s = process_cpu_seconds() - build_start_cpu_s_;
}

void Simulation::time_systems_alone() noexcept { scheduler_->time_systems(); }

std::vector<SystemTiming> Simulation::timings() const {
  std::vector<SystemTiming> timings{building_};
  std::vector<SystemTiming> systems = scheduler_->timings();
  timings.insert(timings.end(), systems.begin(), systems.end());
  return timings;
}

Simulation::~Simulation() = default;

void Simulation::step(int days, const std::atomic<bool>* stop, const ProgressFn& progress) {
  const int last = std::min(days_planned(), days_run_ + days);
  while (days_run_ < last) {
    if (stop != nullptr && stop->load()) throw Interrupted();
    scheduler_->run_day(days_run_, *parallel_, static_cast<std::uint64_t>(scenario_.config.seed));
    ++days_run_;
    if (progress) progress(days_run_, days_planned());
  }
}

void Simulation::run(const std::atomic<bool>* stop, const ProgressFn& progress) {
  step(days_planned() - days_run_, stop, progress);
}

void Simulation::update_measures(const Scenario& validated) {
  const Date next_day = calendar_.date(days_run_);
  // Start dates are left out of the comparison: the simulation moves a past one to the day it
  // took effect.
  std::vector<WasteMeasureConfig> waste = appended_measures(
      scenario_.config.waste.measures, validated.config.waste.measures, next_day, "waste.measures",
      [](const WasteMeasureConfig& a, const WasteMeasureConfig& b) {
        return a.kind == b.kind && a.value == b.value && a.site == b.site && a.districts == b.districts;
      });
  const std::size_t mobility_known = scenario_.config.mobility.measures.size();
  std::vector<MobilityMeasureConfig> mobility =
      appended_measures(scenario_.config.mobility.measures, validated.config.mobility.measures, next_day,
                        "mobility.measures", [](const MobilityMeasureConfig& a, const MobilityMeasureConfig& b) {
                          return a.kind == b.kind && a.value == b.value && a.lines == b.lines &&
                                 a.districts == b.districts && a.vehicle == b.vehicle;
                        });
  for (std::size_t i = mobility_known; i < mobility.size(); ++i) {
    if (!scenario_.config.mobility.enabled) {
      throw InputError({}, "mobility.measures", "mobility is not enabled in this simulation (mobility.enabled)");
    }
    if (mobility[i].kind == mobility::TrunkLine::kind) {
      throw InputError({}, "mobility.measures",
                       "a trunk_line cannot be added while the simulation runs: its line is a column of the transit "
                       "series from the first day; give it in the scenario with its start_date");
    }
  }
  scenario_.config.waste.measures = std::move(waste);
  scenario_.config.mobility.measures = std::move(mobility);
}

std::vector<Table> Simulation::meta_tables() const {
  std::vector<Table> tables;
  if (!provisioning_.records.empty()) tables.push_back(provisioning_table(provisioning_.records));
  return tables;
}

OutputContent Simulation::output() const {
  OutputContent content;
  RunMeta& meta = content.meta;
  meta = run_meta(scenario_, threads_, days_planned(), days_run_, wall_start_);
  meta.text_attrs = {{"city_name", city_.name}, {"city_source", city_.source}};
  meta.text_attrs.emplace_back("district_data", joined(data_notes_, "the scenario's district table"));
  meta.text_attrs.emplace_back("city_data", joined(city_notes_, "synthetic streets from city.network"));
  meta.number_attrs = city_statistics(city_);
  content.scenario_text = scenario_.text;
  content.resolved_yaml = scenario_.resolved_yaml();
  content.metrics = &metrics_;
  content.geometry = city_geometry(city_);
  content.meta_tables = meta_tables();
  if (traces_) {
    content.traces = traces_->finished();
    // Only the days simulated so far: a run stopped early has no rows for later trace days.
    std::erase_if(content.traces->days, [&](const TraceDay& day) { return day.day > days_run_; });
  }
  return content;
}

}  // namespace munisim
