#include "sim/model/simulation.hpp"

#include "sim/city/census.hpp"
#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/model/geometry.hpp"
#include "sim/model/wall_clock.hpp"
#include "sim/waste/waste_service.hpp"

namespace munisim {

Simulation::Simulation(Scenario scenario, int threads)
    : wall_start_(std::chrono::system_clock::now()),
      scenario_(std::move(scenario)),
      threads_(threads),
      parallel_(std::make_unique<Parallelism>(threads)),
      calendar_(scenario_.config.start_date),
      city_(build_synthetic_city(scenario_.config.city, static_cast<std::uint64_t>(scenario_.config.seed), *parallel_)),
      metrics_(static_cast<int>(scenario_.config.days)),
      scheduler_(std::make_unique<Scheduler>(calendar_)) {
  register_census(*scheduler_, metrics_, city_);
  register_waste_service(*scheduler_, metrics_, city_, scenario_.config.waste, scenario_.config.climate,
                         static_cast<std::uint64_t>(scenario_.config.seed));
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
  meta.number_attrs = city_statistics(city_);
  content.scenario_text = scenario_.text;
  content.resolved_yaml = scenario_.resolved_yaml;
  content.metrics = &metrics_;
  content.geometry = city_geometry(city_);
  return content;
}

}  // namespace munisim
