// Files the Python side writes (calibrated scenarios, fit reports, sensitivity tables and plots)
// go through the engine's atomic write, so that they too are complete or absent after any failure.
#include <pybind11/stl/filesystem.h>

#include <string_view>

#include "bindings/bindings.hpp"
#include "sim/io/atomic_file.hpp"

namespace munisim::python {

void bind_files(pybind11::module_& module) {
  module.def(
      "write_file_atomically",
      [](const std::filesystem::path& path, const pybind11::bytes& content) {
        const std::string_view bytes = content;
        pybind11::gil_scoped_release released;
        write_file_atomically(path, {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
      },
      pybind11::arg("path"), pybind11::arg("content"),
      "Writes bytes under a temporary name, syncs, renames over path and syncs the folder; OSError leaves "
      "nothing behind. The folder must exist.");
}

}  // namespace munisim::python
