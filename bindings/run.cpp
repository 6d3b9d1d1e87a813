// Runs from Python: a Simulation stepped with the GIL released, its series and agent columns as
// read-only numpy views on the engine's memory, and outputs written and read as by the CLI.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <atomic>

#include "bindings/bindings.hpp"
#include "sim/governance/governance_view.hpp"
#include "sim/io/output.hpp"
#include "sim/io/output_target.hpp"
#include "sim/model/geometry.hpp"
#include "sim/model/run_inputs.hpp"
#include "sim/model/simulation.hpp"
#include "sim/report/html_report.hpp"

namespace munisim::python {
namespace {

namespace py = pybind11;

// A read-only array over memory owned by `owner`, which the array keeps alive.
template <class T>
py::array view_of(const T* data, std::vector<py::ssize_t> shape, py::handle owner) {
  py::array array(py::dtype::of<T>(), std::move(shape), data, owner);
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

py::dict series_dict(const Series& series, int days_run, py::handle owner) {
  const SeriesSpec& spec = series.spec();
  std::vector<py::ssize_t> shape{days_run};
  std::vector<std::string> dims{"day"};
  py::dict labels;
  for (const Dimension& dim : spec.dims) {
    shape.push_back(static_cast<py::ssize_t>(dim.labels.size()));
    dims.push_back(dim.name);
    labels[py::str(dim.name)] = dim.labels;
  }
  py::dict entry;
  entry["unit"] = spec.unit;
  entry["description"] = spec.description;
  entry["summary"] = summary_name(spec.summary);
  entry["dims"] = dims;
  entry["labels"] = labels;
  entry["values"] = view_of(series.values().data(), shape, owner);
  return entry;
}

py::array column_view(const ColumnInfo& column, py::handle owner) {
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(column.size)};
  switch (column.type) {
    case ColumnType::u8:
      return view_of(static_cast<const std::uint8_t*>(column.data), shape, owner);
    case ColumnType::i32:
      return view_of(static_cast<const std::int32_t*>(column.data), shape, owner);
    case ColumnType::u32:
      return view_of(static_cast<const std::uint32_t*>(column.data), shape, owner);
    case ColumnType::i64:
      return view_of(static_cast<const std::int64_t*>(column.data), shape, owner);
    case ColumnType::f32:
      return view_of(static_cast<const float*>(column.data), shape, owner);
    case ColumnType::f64:
      break;
  }
  return view_of(static_cast<const double*>(column.data), shape, owner);
}

// Steps with the GIL released; between days it takes the GIL back to honour Ctrl-C and report progress.
void step_released(Simulation& simulation, int days, const std::function<void(int, int)>& progress) {
  std::atomic<bool> stop{false};
  auto between_days = [&](int done, int total) {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {
      PyErr_Clear();  // reported as KeyboardInterrupt by the Interrupted translator
      stop = true;
      return;
    }
    if (!progress) return;
    try {
      progress(done, total);
    } catch (py::error_already_set& error) {
      // Ctrl-C landing in the callback asks for the same stop as one landing between days.
      if (!error.matches(PyExc_KeyboardInterrupt)) throw;
      stop = true;
    }
  };
  py::gil_scoped_release released;
  simulation.step(days, &stop, between_days);
  if (stop.load()) throw Interrupted();
}

py::dict output_dict(const OutputFile& file) {
  py::dict meta;
  for (const auto& [key, value] : file.text_meta) meta[py::str(key)] = value;
  for (const auto& [key, value] : file.number_meta) meta[py::str(key)] = value;
  py::dict series;
  for (const SeriesData& data : file.series) {
    py::dict entry;
    entry["unit"] = data.unit;
    entry["description"] = data.description;
    entry["summary"] = data.summary;
    entry["dims"] = data.dims;
    py::dict labels;
    for (std::size_t i = 1; i < data.dims.size(); ++i) labels[py::str(data.dims[i])] = data.labels[i - 1];
    entry["labels"] = labels;
    std::vector<py::ssize_t> shape(data.shape.begin(), data.shape.end());
    py::array_t<double> values(shape);
    std::copy(data.values.begin(), data.values.end(), values.mutable_data());
    entry["values"] = values;
    series[py::str(data.name)] = entry;
  }
  py::dict result;
  result["meta"] = meta;
  result["series"] = series;
  result["dates"] = file.dates;
  result["scenario_text"] = file.scenario_text;
  result["resolved_yaml"] = file.resolved_yaml;
  return result;
}

// Geometry tables as {table: {column: numpy array or list of text}}.
py::dict geometry_dict(const std::vector<Table>& tables) {
  py::dict all;
  for (const Table& table : tables) {
    py::dict columns;
    for (const Table::NumberColumn& column : table.numbers)
      columns[py::str(column.name)] = py::array(py::cast(column.values));
    for (const Table::IntColumn& column : table.ints)
      columns[py::str(column.name)] = py::array(py::cast(column.values));
    for (const Table::TextColumn& column : table.texts) columns[py::str(column.name)] = column.values;
    all[py::str(table.name)] = columns;
  }
  return all;
}

const GovernanceView& governance_of(const Simulation& simulation) {
  const GovernanceView* view = simulation.governance();
  if (view == nullptr) throw py::value_error("governance is not enabled in this scenario (governance.enabled)");
  return *view;
}

// Every citizen's satisfaction per service and trust, as read-only views that follow the run.
py::dict opinion_dict(py::object self) {
  const GovernanceView& view = governance_of(self.cast<const Simulation&>());
  py::dict columns;
  for (std::size_t s = 0; s < kJudgedServices; ++s) {
    const auto values = view.satisfaction(s);
    columns[py::str(std::string("satisfaction_") + kJudgedServiceNames[s])] =
        view_of(values.data(), {static_cast<py::ssize_t>(values.size())}, self);
  }
  const auto trust = view.trust();
  columns["trust"] = view_of(trust.data(), {static_cast<py::ssize_t>(trust.size())}, self);
  return columns;
}

// The tickets filed so far, copied (the table grows as the run goes on).
py::dict tickets_dict(const Simulation& simulation) {
  const TicketTable table = governance_of(simulation).tickets();
  py::dict columns;
  columns["citizen"] = py::array(py::cast(table.citizen));
  columns["district"] = py::array(py::cast(table.district));
  columns["kind"] = py::array(py::cast(table.kind));
  columns["channel"] = py::array(py::cast(table.channel));
  columns["gender"] = py::array(py::cast(table.gender));
  columns["income_group"] = py::array(py::cast(table.income_group));
  columns["state"] = py::array(py::cast(table.state));
  columns["department"] = py::array(py::cast(table.department));
  columns["weight"] = py::array(py::cast(table.weight));
  columns["filed_day"] = py::array(py::cast(table.filed_day));
  columns["closed_day"] = py::array(py::cast(table.closed_day));
  return columns;
}

py::dict governance_labels() {
  py::dict labels;
  labels["kind"] = std::vector<std::string>(kTicketKindNames.begin(), kTicketKindNames.end());
  labels["channel"] = std::vector<std::string>(kComplaintChannelNames.begin(), kComplaintChannelNames.end());
  labels["department"] = std::vector<std::string>(kDepartmentNames.begin(), kDepartmentNames.end());
  labels["state"] = std::vector<std::string>{"open", "answered", "escalated"};
  labels["mechanism"] = std::vector<std::string>(kMechanismNames.begin(), kMechanismNames.end());
  return labels;
}

}  // namespace

void bind_run(py::module_& module) {
  py::class_<Simulation>(module, "Engine", "A running simulation (see munisim.Simulation)")
      .def(py::init(
               [](const Scenario& scenario, int threads) { return std::make_unique<Simulation>(scenario, threads); }),
           py::arg("scenario"), py::arg("threads") = 1)
      .def("step", &step_released, py::arg("days"), py::arg("progress") = std::function<void(int, int)>{})
      .def("geometry", [](const Simulation& simulation) { return geometry_dict(city_geometry(simulation.city())); })
      .def_property_readonly("city_source", [](const Simulation& simulation) { return simulation.city().source; })
      .def_property_readonly("warnings", &Simulation::warnings)
      .def("update_measures", &Simulation::update_measures, py::arg("validated"))
      .def_property_readonly("days_run", &Simulation::days_run)
      .def_property_readonly("days_planned", &Simulation::days_planned)
      .def_property_readonly("threads", &Simulation::threads)
      .def("series",
           [](py::object self) {
             const Simulation& simulation = self.cast<const Simulation&>();
             py::dict all;
             for (const Series& series : simulation.metrics().all()) {
               all[py::str(series.spec().name)] = series_dict(series, simulation.days_run(), self);
             }
             return all;
           })
      .def("table",
           [](py::object self, const std::string& name) {
             const City& city = self.cast<const Simulation&>().city();
             if (name != "citizens" && name != "households") throw py::key_error("tables: citizens, households");
             const AgentTable& table = name == "citizens" ? city.citizens : city.households;
             py::dict columns;
             for (const ColumnInfo& column : table.columns()) columns[py::str(column.name)] = column_view(column, self);
             return columns;
           })
      .def("opinion", &opinion_dict)
      .def("tickets", &tickets_dict)
      .def("save", [](const Simulation& simulation, const std::filesystem::path& path) {
        const OutputContent content = simulation.output();
        check_output_target(
            {path, run_inputs(simulation.scenario()), OutputKind::hdf5, estimated_output_bytes(content)});
        write_output(path, content, &simulation.parallelism());
      });
  module.def("governance_labels", &governance_labels);
  module.def("read_output", [](const std::filesystem::path& path) { return output_dict(read_output(path)); });
  module.def("write_html_report", [](const std::filesystem::path& output, const std::filesystem::path& html,
                                      const std::filesystem::path& baseline) {
    return write_html_report(output, html, baseline).string();
  });
}

}  // namespace munisim::python
