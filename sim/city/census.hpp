// The daily census: who lives in the city, by district, gender, age and income, as named series.
#pragma once

#include "sim/city/city.hpp"
#include "sim/core/registration.hpp"

namespace munisim {

// Registers the census series and the daily system that fills them from the citizen table.
void register_census(Registration& registration, const City& city);

}  // namespace munisim
