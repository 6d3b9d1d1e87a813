// A world of three municipalities for the nation's tests: Trujillo's provincial municipality and a
// district of its province (La Libertad, 1301), and a small rural district of another province
// (1302). Figures are round so allocations can be computed by hand.
#pragma once

#include <algorithm>
#include <array>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/metrics.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/nation/national_agent.hpp"

namespace munisim::nation::test {

inline std::array<MunicipalityProfile, 3> three_municipalities() {
  return {MunicipalityProfile{.ubigeo = "130101", .name = "Trujillo", .provincial = true, .population = 300000,
                              .poverty_share = 0.2, .rural_share = 0.0, .incentive_type = "A"},
          MunicipalityProfile{.ubigeo = "130102", .name = "El Porvenir", .population = 100000, .poverty_share = 0.3,
                              .rural_share = 0.1, .incentive_type = "D"},
          MunicipalityProfile{.ubigeo = "130201", .name = "Ascope", .population = 2000, .poverty_share = 0.5,
                              .rural_share = 0.8, .incentive_type = "G"}};
}

// A config with the given mechanisms and nothing else switched on.
inline NationConfig config_with(std::vector<std::string> mechanisms) {
  NationConfig config;
  config.mechanisms = std::move(mechanisms);
  return config;
}

// The nation over `days` days from 2025-01-01, with its series and the day's letters.
struct World {
  explicit World(NationConfig nation_config, int days = 120, std::uint64_t seed = 7)
      : config(std::move(nation_config)),
        profiles(three_municipalities()),
        calendar(Date{2025, 1, 1}),
        series(days),
        nation(make_national_agent(config, profiles, calendar, series, seed)),
        reports(3),
        letters(3) {}

  void exchange(int day) { nation->exchange(day, reports, letters); }
  [[nodiscard]] double soles(std::size_t municipality, const std::string& kind) const {
    const std::vector<double>& by_kind = letters[municipality].soles_by_mechanism;
    const std::size_t k = static_cast<std::size_t>(
        std::find(kMechanismKindNames.begin(), kMechanismKindNames.end(), kind) - kMechanismKindNames.begin());
    return by_kind.empty() ? 0.0 : by_kind[k];
  }
  [[nodiscard]] double value(const std::string& name, int day, std::size_t cell) const {
    return series.find(name)->get(day, cell);
  }

  NationConfig config;
  std::array<MunicipalityProfile, 3> profiles;
  Calendar calendar;
  MetricsRegistry series;
  std::unique_ptr<NationalAgent> nation;
  std::vector<MunicipalityReport> reports;
  std::vector<Letter> letters;
};

}  // namespace munisim::nation::test
