// Synthesises households and citizen agents from the district tables (see docs/model.md).
#pragma once

#include <cstdint>

#include "sim/city/city.hpp"

namespace munisim {

class Parallelism;

// Fills city.households and city.citizens; districts and their nodes must already be set.
// Draws are addressed by household and person id, so the result is the same for any thread count.
void synthesise_population(City& city, const PopulationConfig& config, std::uint64_t seed, Parallelism& parallel);

}  // namespace munisim
