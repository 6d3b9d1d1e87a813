// Scenarios from Python: the same loader as the CLI, so a scenario means the same everywhere.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings/bindings.hpp"
#include "sim/scenario/loader.hpp"

namespace munisim::python {

void bind_scenario(pybind11::module_& module) {
  namespace py = pybind11;
  py::class_<Scenario>(module, "LoadedScenario", "A validated scenario (see munisim.Scenario)")
      .def_readonly("source", &Scenario::source)
      .def_readonly("text", &Scenario::text)
      .def_readonly("resolved_yaml", &Scenario::resolved_yaml)
      .def_property_readonly("name", [](const Scenario& s) { return s.config.name; })
      .def_property_readonly("days", [](const Scenario& s) { return s.config.days; })
      .def_property_readonly("seed", [](const Scenario& s) { return s.config.seed; })
      .def_property_readonly("start_date", [](const Scenario& s) { return s.config.start_date.to_string(); });
  module.def("load_scenario", &load_scenario, py::arg("path"), py::arg("overrides") = std::vector<std::string>{});
  module.def("load_scenario_text", &load_scenario_text, py::arg("yaml"), py::arg("name"), py::arg("base_dir"),
             py::arg("overrides") = std::vector<std::string>{});
  module.def("scenario_reference_markdown", &scenario_reference_markdown);
}

}  // namespace munisim::python
