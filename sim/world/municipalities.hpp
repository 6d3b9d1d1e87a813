// A world scenario's cities turned into municipalities, each a resolved city scenario on the world's
// calendar with its own seed and the profile the nation allocates by (docs/world.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/district_data.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/scenario/world_loader.hpp"

namespace munisim {

struct WorldMunicipality {
  std::string label;  // its ubigeo, or the city scenario's name when the city has no single ubigeo
  std::string entry;  // the world key it came from, e.g. "cities[2]"
  nation::MunicipalityProfile profile;
  ResolvedScenario resolved;  // ready to build: calendar and seed are the world's
};

// The seed of the city labelled `label` in a world of seed `world_seed`: the first 53 bits of a
// Philox draw keyed by the world seed and the label (a ubigeo as its number, a name by FNV-1a),
// so a city's seed does not depend on which other cities the world has.
[[nodiscard]] std::int64_t city_seed(std::int64_t world_seed, const std::string& label);

// Every municipality of the world in the output's order (entries in order, a ubigeo's districts in
// the INEI directory's order). InputError at the world file's entry for an unknown ubigeo, a city on
// another calendar, or a municipality listed twice; a city scenario's own errors name its file.
// `threads` resolve the municipalities of a ubigeo from the tables; the result is the same for any.
[[nodiscard]] std::vector<WorldMunicipality> expand_municipalities(const WorldScenario& world, int threads = 1);

}  // namespace munisim
