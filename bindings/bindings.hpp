// The parts of the Python module, one function per file.
#pragma once

#include <pybind11/pybind11.h>

namespace munisim::python {

void bind_errors(pybind11::module_& module);
void bind_scenario(pybind11::module_& module);
void bind_run(pybind11::module_& module);
void bind_experiment(pybind11::module_& module);
void bind_files(pybind11::module_& module);
void bind_world(pybind11::module_& module);

}  // namespace munisim::python
