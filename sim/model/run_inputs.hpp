// The files a run reads, so that its output can be refused when it would replace one of them.
#pragma once

#include <vector>

#include "sim/io/output_target.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim {

// The scenario file, every file it extends, and the data files its city keys name (under the data
// directory). The national tables of city.ubigeo are CSV files, which the output check refuses as
// files that are not HDF5, so they are not listed.
[[nodiscard]] std::vector<InputFile> run_inputs(const Scenario& scenario);

}  // namespace munisim
