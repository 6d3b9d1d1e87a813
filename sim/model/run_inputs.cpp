#include "sim/model/run_inputs.hpp"

#include "sim/model/district_data.hpp"

namespace munisim {

std::vector<InputFile> run_inputs(const Scenario& scenario) {
  std::vector<InputFile> inputs;
  for (const std::string& file : scenario.files) {
    inputs.push_back({file, file == scenario.source ? "the scenario" : "a scenario file it extends"});
  }
  const CityConfig& city = scenario.config.city;
  const std::filesystem::path data_dir = named_data_dir(scenario);
  const std::pair<const std::string&, const char*> data_files[] = {
      {city.streets.osm, "city.streets.osm"},
      {city.streets.search_index, "city.streets.search_index"},
      {city.transit.gtfs, "city.transit.gtfs"},
      {city.boundaries.geojson, "city.boundaries.geojson"}};
  for (const auto& [name, key] : data_files) {
    if (!name.empty()) inputs.push_back({data_dir / name, std::string("the data file of ") + key});
  }
  return inputs;
}

}  // namespace munisim
