// Engine errors become Python exceptions that keep where and why: ScenarioError(ValueError) with
// file, line, column and key_path attributes; OutputError becomes OSError with errno and filename;
// Interrupted becomes KeyboardInterrupt.
#include "bindings/bindings.hpp"
#include "sim/core/error.hpp"
#include "sim/io/output_error.hpp"

namespace munisim::python {

void bind_errors(pybind11::module_& module) {
  static pybind11::exception<InputError> scenario_error(module, "ScenarioError", PyExc_ValueError);
  pybind11::register_exception_translator([](std::exception_ptr raised) {
    try {
      if (raised) std::rethrow_exception(raised);
    } catch (const InputError& error) {
      pybind11::object instance = pybind11::reinterpret_borrow<pybind11::object>(scenario_error.ptr())(error.what());
      instance.attr("file") = error.where().file;
      instance.attr("line") = error.where().line;
      instance.attr("column") = error.where().column;
      instance.attr("key_path") = error.key_path();
      instance.attr("problem") = error.problem();
      PyErr_SetObject(scenario_error.ptr(), instance.ptr());
    } catch (const OutputError& error) {
      // OSError(errno, message, filename), as open() raises for the same failures.
      pybind11::object instance = pybind11::reinterpret_borrow<pybind11::object>(PyExc_OSError)(
          error.error_number(), error.what(), error.path().string());
      PyErr_SetObject(PyExc_OSError, instance.ptr());
    } catch (const Interrupted&) {
      PyErr_SetString(PyExc_KeyboardInterrupt, "munisim run interrupted");
    }
  });
}

}  // namespace munisim::python
