// Worlds from Python (docs/python.md, "Worlds"): a world scenario run to its HDF5 output, which
// munisim/worlds.py reads back as frames. The run holds no GIL, so threads of Python run meanwhile.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings/bindings.hpp"
#include "sim/io/world_output.hpp"
#include "sim/world/world.hpp"

namespace munisim::python {
namespace {

namespace py = pybind11;

void run_world_file(const std::filesystem::path& scenario, const std::filesystem::path& out,
                    const std::vector<std::string>& overrides, int threads) {
  py::gil_scoped_release released;
  WorldScenario world = load_world(scenario, overrides);
  std::vector<WorldMunicipality> municipalities = expand_municipalities(world, threads);
  const std::unique_ptr<World> built = make_world(std::move(world), std::move(municipalities), threads, nullptr);
  built->run();
  write_world_output(out, built->output(), &built->parallelism());
}

}  // namespace

void bind_world(py::module_& module) {
  module.def("is_world_scenario", [](const std::filesystem::path& file) { return is_world_scenario(file); },
             py::arg("file"));
  module.def("run_world", &run_world_file, py::arg("scenario"), py::arg("out"), py::arg("overrides"),
             py::arg("threads") = 1);
}

}  // namespace munisim::python
