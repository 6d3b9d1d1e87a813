// Domains registered on a bare scheduler, as the simulation registers them, so that a test can add
// its own systems (a stand-in department) that read and write channels around them.
#pragma once

#include <numeric>
#include <string>

#include "sim/core/parallel.hpp"
#include "sim/core/registration.hpp"
#include "sim/model/real_city.hpp"

namespace munisim::testing {

class RegisteredServices {
 public:
  explicit RegisteredServices(Scenario scenario)
      : scenario_(std::move(scenario)),
        parallel_(2),
        city_(build_city(scenario_, seed(), parallel_).city),
        metrics_(static_cast<int>(scenario_.config.days)),
        scheduler_(Calendar(scenario_.config.start_date)),
        registration_{scheduler_, metrics_, scheduler_.channels(), parallel_, seed()} {}

  [[nodiscard]] Registration& registration() { return registration_; }
  [[nodiscard]] const City& city() const { return city_; }
  [[nodiscard]] const ScenarioConfig& config() const { return scenario_.config; }
  void run() {
    for (int day = 0; day < metrics_.days(); ++day) scheduler_.run_day(day, parallel_, seed());
  }
  // A series' values on `day`, summed over its cells.
  [[nodiscard]] double total(const std::string& series, int day) const {
    const auto values = metrics_.find(series)->day(day);
    return std::accumulate(values.begin(), values.end(), 0.0);
  }

 private:
  [[nodiscard]] std::uint64_t seed() const { return static_cast<std::uint64_t>(scenario_.config.seed); }

  Scenario scenario_;
  Parallelism parallel_;
  City city_;
  MetricsRegistry metrics_;
  Scheduler scheduler_;
  Registration registration_;
};

}  // namespace munisim::testing
