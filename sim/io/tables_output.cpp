#include "sim/io/tables_output.hpp"

#include "sim/io/detail/hdf5.hpp"
#include "sim/io/detail/run_writer.hpp"

namespace munisim {

using namespace io_detail;

FileImage tables_output_image(const RunMeta& meta, const std::string& scenario_text, const std::string& resolved_yaml,
                              const std::vector<Table>& tables) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  return file_image([&](hid_t file) {
    write_meta(file, meta, scenario_text, resolved_yaml, {});
    (void)create_group(file, "series");
    const Handle group = create_group(file, "tables");
    write_tables(group, tables);
  });
}

std::vector<Table> read_result_tables(const std::filesystem::path& path) { return read_tables_under(path, "tables"); }

}  // namespace munisim
