// One value as the resolved YAML prints it ("0.2", "\"middle\"", "[0.4, 0.7]"), so that the
// reference document shows defaults exactly as `to_yaml` writes them. Private to sim/scenario.
#pragma once

#include <string>

namespace munisim::scenario_detail {

// Defined for every field type the schema allows (see yaml_writer.cpp).
template <class T>
[[nodiscard]] std::string yaml_text(const T& value);

}  // namespace munisim::scenario_detail
