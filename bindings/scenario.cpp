// Scenarios from Python: the same loader as the CLI, so a scenario means the same everywhere.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <string>
#include <vector>

#include "bindings/bindings.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_fields.hpp"
#include "sim/scenario/scenario_config.hpp"

namespace munisim::python {
namespace {

// The choices of a measure's `kind`, read from its schema so that Python never repeats them.
struct KindChoices {
  std::vector<std::string> kinds;
  template <class T>
  void field(std::string_view key, T&, const schema::Field& field) {
    if (key == "kind") kinds.assign(field.choices.begin(), field.choices.end());
  }
  template <class S>
  void object(std::string_view, S&, const schema::Field&) {}
  template <class S>
  void list(std::string_view, std::vector<S>&, const schema::Field&) {}
};

template <class Measure>
std::vector<std::string> kinds_of() {
  Measure measure;
  KindChoices choices;
  measure.visit(choices);
  return choices.kinds;
}

}  // namespace

void bind_scenario(pybind11::module_& module) {
  namespace py = pybind11;
  py::class_<Scenario>(module, "LoadedScenario", "A validated scenario (see munisim.Scenario)")
      .def_readonly("source", &Scenario::source)
      .def_readonly("text", &Scenario::text)
      .def_property_readonly("resolved_yaml", &Scenario::resolved_yaml)
      .def_property_readonly("name", [](const Scenario& s) { return s.config.name; })
      .def_property_readonly("days", [](const Scenario& s) { return s.config.days; })
      .def_property_readonly("seed", [](const Scenario& s) { return s.config.seed; })
      .def_property_readonly("start_date", [](const Scenario& s) { return s.config.start_date.to_string(); });
  module.def("load_scenario", &load_scenario, py::arg("path"), py::arg("overrides") = std::vector<std::string>{});
  module.def(
      "load_scenario_text",
      [](std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir,
         const std::vector<std::string>& overrides) { return load_scenario_text(yaml, name, base_dir, overrides); },
      py::arg("yaml"), py::arg("name"), py::arg("base_dir"),
             py::arg("overrides") = std::vector<std::string>{});
  module.def("scenario_reference_markdown", &scenario_reference_markdown);
  module.def(
      "scenario_fields",
      [] {
        py::dict fields;
        for (const ScenarioField& field : scenario_fields()) {
          py::dict entry;
          entry["type"] = field.type;
          entry["unit"] = field.unit;
          entry["default"] = field.default_yaml;
          entry["min"] = field.min;
          entry["max"] = field.max;
          entry["choices"] = field.choices;
          fields[py::str(field.key)] = entry;
        }
        return fields;
      },
      "Every scenario key: {key: {type, unit, default (YAML text, None when required), min, max, choices}}");
  module.def("measure_kinds", [] {
    return std::map<std::string, std::vector<std::string>>{{"waste", kinds_of<WasteMeasureConfig>()},
                                                           {"mobility", kinds_of<MobilityMeasureConfig>()}};
  });
}

}  // namespace munisim::python
