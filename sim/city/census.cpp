#include "sim/city/census.hpp"

#include <memory>
#include <optional>

#include "sim/core/parallel.hpp"

namespace munisim {
namespace {

// Weighted counts of one day, laid out as the series' cells, one block after another.
struct Tally {
  std::vector<double> by_age;     // district x gender x age group
  std::vector<double> by_income;  // district x income group
  std::vector<double> employed;   // district x gender
  std::vector<double> digital;    // district x gender
  std::vector<double> agents;     // district

  explicit Tally(std::size_t districts)
      : by_age(districts * kGenders * kAgeGroups),
        by_income(districts * kIncomeGroups),
        employed(districts * kGenders),
        digital(districts * kGenders),
        agents(districts) {}

  void add(const Tally& other) {
    auto add_into = [](std::vector<double>& into, const std::vector<double>& from) {
      for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
    };
    add_into(by_age, other.by_age);
    add_into(by_income, other.by_income);
    add_into(employed, other.employed);
    add_into(digital, other.digital);
    add_into(agents, other.agents);
  }
};

struct CensusSeries {
  SeriesId population;
  SeriesId population_by_income;
  SeriesId employed;
  SeriesId digital_access;
  SeriesId households;
  SeriesId agents;
};

CensusSeries register_series(MetricsRegistry& metrics, const City& city) {
  const Dimension district{"district", district_labels(city)};
  const Dimension gender{"gender", gender_labels()};
  const Dimension age{"age_group", age_group_labels()};
  const Dimension income{"income_group", income_group_labels()};
  CensusSeries ids{};
  ids.population = metrics.add(
      {"population_persons", "persons", "residents (weighted by sampling)", {district, gender, age}, Summary::last});
  ids.population_by_income = metrics.add({"population_by_income_persons",
                                          "persons",
                                          "residents by household income group",
                                          {district, income},
                                          Summary::last});
  ids.employed = metrics.add({"employed_persons", "persons", "employed residents", {district, gender}, Summary::last});
  ids.digital_access = metrics.add(
      {"digital_access_persons", "persons", "residents with internet access", {district, gender}, Summary::last});
  ids.households =
      metrics.add({"households", "households", "households (weighted by sampling)", {district}, Summary::last});
  ids.agents = metrics.add(
      {"citizen_agents", "agents", "citizen agents simulated (before weighting)", {district}, Summary::last});
  return ids;
}

Tally count_citizens(const AgentTable& citizens, std::size_t districts, Parallelism& parallel) {
  const auto district = citizens.column<std::uint32_t>("district");
  const auto gender = citizens.column<std::uint8_t>("gender");
  const auto age = citizens.column<std::uint8_t>("age_group");
  const auto income = citizens.column<std::uint8_t>("income_group");
  const auto employed = citizens.column<std::uint8_t>("employed");
  const auto digital = citizens.column<std::uint8_t>("digital_access");
  const auto weight = citizens.column<double>("weight_persons");
  return reduce_blocks(
      parallel, citizens.size(), Tally(districts),
      [&](std::size_t begin, std::size_t end) {
        Tally tally(districts);
        for (std::size_t p = begin; p < end; ++p) {
          const std::size_t by_gender = district[p] * kGenders + gender[p];
          tally.by_age[by_gender * kAgeGroups + age[p]] += weight[p];
          tally.by_income[district[p] * kIncomeGroups + income[p]] += weight[p];
          tally.employed[by_gender] += employed[p] * weight[p];
          tally.digital[by_gender] += digital[p] * weight[p];
          tally.agents[district[p]] += 1;
        }
        return tally;
      },
      [](Tally into, const Tally& from) {
        into.add(from);
        return into;
      });
}

}  // namespace

void register_census(Registration& registration, const City& city) {
  MetricsRegistry& metrics = registration.metrics;
  const CensusSeries ids = register_series(metrics, city);
  const auto households = std::make_shared<std::vector<double>>(weighted_households(city));
  // The citizen table does not change during a run (no births, deaths or moves yet), so it is
  // counted on the first day only; every day still records the census.
  const auto counted = std::make_shared<std::optional<Tally>>();
  registration.scheduler.add("city.census", Cycle::daily(),
                             [&metrics, &city, ids, households, counted](const StepContext& step) {
                               if (!counted->has_value())
                                 *counted = count_citizens(city.citizens, city.districts.size(), step.parallel);
                               const Tally& tally = **counted;
                               metrics.series(ids.population).set_day(step.day, tally.by_age);
                               metrics.series(ids.population_by_income).set_day(step.day, tally.by_income);
                               metrics.series(ids.employed).set_day(step.day, tally.employed);
                               metrics.series(ids.digital_access).set_day(step.day, tally.digital);
                               metrics.series(ids.households).set_day(step.day, *households);
                               metrics.series(ids.agents).set_day(step.day, tally.agents);
                             });
  // The tally is a cache of the unchanging citizen table: a resumed run counts it again.
  registration.scheduler.add_stateless("city.census");
}

}  // namespace munisim
