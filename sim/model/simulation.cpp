#include "sim/model/simulation.hpp"

#include <algorithm>

#include "sim/city/census.hpp"
#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/model/district_data.hpp"
#include "sim/model/geometry.hpp"
#include "sim/model/real_city.hpp"
#include "sim/model/wall_clock.hpp"
#include "sim/mobility/mobility_service.hpp"
#include "sim/waste/waste_service.hpp"

namespace munisim {

namespace {

Scenario take_scenario(ResolvedScenario& resolved, std::vector<std::string>& notes) {
  notes = std::move(resolved.data_notes);
  return std::move(resolved.scenario);
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

Simulation::Simulation(Scenario scenario, int threads)
    : Simulation(resolve_district_data(std::move(scenario)), threads) {}

Simulation::Simulation(ResolvedScenario resolved, int threads)
    : wall_start_(std::chrono::system_clock::now()),
      scenario_(take_scenario(resolved, data_notes_)),
      threads_(threads),
      parallel_(std::make_unique<Parallelism>(threads)),
      calendar_(scenario_.config.start_date),
      city_(take_city(build_city(scenario_, static_cast<std::uint64_t>(scenario_.config.seed), *parallel_), city_notes_,
                      warnings_)),
      metrics_(static_cast<int>(scenario_.config.days)),
      scheduler_(std::make_unique<Scheduler>(calendar_)) {
  register_census(*scheduler_, metrics_, city_);
  register_waste_service(*scheduler_, metrics_, city_, scenario_.config.waste, scenario_.config.climate,
                         static_cast<std::uint64_t>(scenario_.config.seed));
  register_mobility_service(*scheduler_, metrics_, city_, scenario_.config.mobility, scenario_.config.city.transit,
                            scenario_.config.climate, static_cast<std::uint64_t>(scenario_.config.seed));
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

void Simulation::update_waste_measures(const Scenario& validated) {
  std::vector<WasteMeasureConfig> measures = validated.config.waste.measures;
  const Date next_day = calendar_.date(days_run_);
  for (WasteMeasureConfig& measure : measures) {
    const bool new_measure = std::none_of(
        scenario_.config.waste.measures.begin(), scenario_.config.waste.measures.end(), [&](const auto& known) {
          return known.kind == measure.kind && known.start_date == measure.start_date && known.value == measure.value &&
                 known.site == measure.site && known.districts == measure.districts;
        });
    if (new_measure && measure.start_date.days_since_epoch() < next_day.days_since_epoch())
      measure.start_date = next_day;
  }
  scenario_.config.waste.measures = std::move(measures);
  scenario_.resolved_yaml = to_yaml(scenario_.config);
}

OutputContent Simulation::output() const {
  const auto now = std::chrono::system_clock::now();
  OutputContent content;
  RunMeta& meta = content.meta;
  meta.scenario_name = scenario_.config.name;
  meta.scenario_source = scenario_.source;
  meta.seed = scenario_.config.seed;
  meta.threads = threads_;
  meta.start_date = scenario_.config.start_date.to_string();
  meta.days_planned = days_planned();
  meta.days_run = days_run_;
  meta.wall_start_utc = iso8601_utc(wall_start_);
  meta.wall_end_utc = iso8601_utc(now);
  meta.wall_seconds = std::chrono::duration<double>(now - wall_start_).count();
  meta.text_attrs = {{"city_name", city_.name}, {"city_source", city_.source}};
  meta.text_attrs.emplace_back("district_data", joined(data_notes_, "the scenario's district table"));
  meta.text_attrs.emplace_back("city_data", joined(city_notes_, "synthetic streets from city.network"));
  meta.number_attrs = city_statistics(city_);
  content.scenario_text = scenario_.text;
  content.resolved_yaml = scenario_.resolved_yaml;
  content.metrics = &metrics_;
  content.geometry = city_geometry(city_);
  return content;
}

}  // namespace munisim
