// munisim._core: the one extension module; each file adds its area (Arbor's layout).
#include <pybind11/pybind11.h>

#include "bindings/bindings.hpp"
#include "munisim/version.hpp"

PYBIND11_MODULE(_core, module) {
  module.doc() = "munisim engine: scenarios, runs and outputs (use the munisim package, not this module)";
  module.attr("__version__") = munisim::kVersion;
  module.attr("git_describe") = munisim::kGitDescribe;
  munisim::python::bind_errors(module);
  munisim::python::bind_scenario(module);
  munisim::python::bind_run(module);
  munisim::python::bind_experiment(module);
  munisim::python::bind_files(module);
  munisim::python::bind_world(module);
}
