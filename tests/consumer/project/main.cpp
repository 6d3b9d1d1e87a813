// Loads a scenario from text, runs it for two days and checks the census against the table.
#include <sim/model/simulation.hpp>

#include <cmath>
#include <cstdio>

int main() {
  const char* yaml = R"(
name: consumer
days: 2
city:
  name: Tiny
  districts:
    - {name: A, population: 1200, area_km2: 1}
    - {name: B, population: 800, area_km2: 1}
)";
  munisim::Simulation simulation(munisim::load_scenario_text(yaml, "consumer.yaml", "."), 1);
  simulation.run();
  const double population = simulation.metrics().find("population_persons")->summarise(simulation.days_run());
  std::printf("consumer: %d days, population %.0f persons\n", simulation.days_run(), population);
  return std::abs(population - 2000) < 1e-6 ? 0 : 1;
}
