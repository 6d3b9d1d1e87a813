// Experiments from Python: the same plan, runs, summary and file as `munisim experiment`, with
// the runs handed to any executor by munisim/experiment.py. A run is a pure function of the spec
// and its index, returning its output's bytes, so it can travel to another process or machine.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings/bindings.hpp"
#include "sim/experiment/execute.hpp"
#include "sim/experiment/finish.hpp"
#include "sim/experiment/work_folder.hpp"
#include "sim/world/world_experiment.hpp"

namespace munisim::python {
namespace {

namespace py = pybind11;

ExperimentPlan load_plan(const std::string& text, const std::string& name, const std::filesystem::path& base_dir) {
  return plan_experiment(load_experiment_spec_text(text, name, base_dir), {}, world_runner());
}

py::list run_list(const ExperimentPlan& plan) {
  py::list runs;
  for (const PlannedRun& run : plan.runs) {
    py::dict entry;
    entry["index"] = run.index;
    entry["id"] = run.id();
    entry["variant"] = plan.spec.variants[run.variant].name;
    entry["replication"] = run.replication;
    entry["seed"] = run.seed;
    entry["overrides"] = run_overrides(plan, run);
    runs.append(entry);
  }
  return runs;
}

py::bytes run_released(const ExperimentPlan& plan, std::size_t index, int threads) {
  if (index >= plan.runs.size()) throw py::index_error("no run " + std::to_string(index) + " in this experiment");
  FileImage image;
  {
    py::gil_scoped_release released;
    image = execute_run(plan, plan.runs[index], threads);
  }
  return {reinterpret_cast<const char*>(image.data()), image.size()};
}

py::dict finish(const ExperimentPlan& plan, const std::filesystem::path& work, const std::filesystem::path& out,
                const std::filesystem::path& html) {
  const ExperimentResults results = finish_experiment(plan, work, out, html);
  py::dict dict;
  dict["kpis"] = results.kpis;
  dict["units"] = results.units;
  dict["values"] = results.values;
  return dict;
}

}  // namespace

void bind_experiment(py::module_& module) {
  py::class_<ExperimentPlan>(module, "ExperimentPlan", "The runs of an experiment spec (see munisim.experiment)")
      .def(py::init(&load_plan), py::arg("text"), py::arg("name"), py::arg("base_dir"))
      .def_property_readonly("name", [](const ExperimentPlan& plan) { return plan.spec.name; })
      .def_property_readonly("source", [](const ExperimentPlan& plan) { return plan.spec.source; })
      .def_property_readonly("variants", [](const ExperimentPlan& plan) { return variant_names(plan.spec.variants); })
      .def_property_readonly("baseline",
                             [](const ExperimentPlan& plan) { return plan.spec.variants[plan.spec.baseline].name; })
      .def_property_readonly("replications", [](const ExperimentPlan& plan) { return plan.spec.replications; })
      .def_property_readonly("runs", &run_list)
      .def("check_kpis", &check_kpi_names)
      .def("pending", [](const ExperimentPlan& plan, const std::filesystem::path& work) { return pending_runs(plan, work); })
      .def("run", &run_released, py::arg("index"), py::arg("threads") = 1)
      .def("store",
           [](const ExperimentPlan& plan, const std::filesystem::path& work, std::size_t index, const py::bytes& image) {
             const std::string_view bytes = image;
             store_run(work, plan.runs.at(index),
                       {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
           })
      .def("finish", &finish, py::arg("work"), py::arg("out"), py::arg("html") = std::filesystem::path());
  module.def("work_folder", [](const std::filesystem::path& out) { return work_folder(out); });
}

}  // namespace munisim::python
