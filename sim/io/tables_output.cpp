#include "sim/io/tables_output.hpp"

#include "sim/io/detail/hdf5.hpp"
#include "sim/io/detail/run_writer.hpp"

namespace munisim {

using namespace io_detail;

std::vector<unsigned char> tables_output_image(const RunMeta& meta, const std::string& scenario_text,
                                               const std::string& resolved_yaml, const std::vector<Table>& tables) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  return file_image([&](hid_t file) {
    write_meta(file, meta, scenario_text, resolved_yaml, {});
    (void)create_group(file, "series");
    const Handle group = create_group(file, "tables");
    write_tables(group, tables);
  });
}

std::vector<Table> read_result_tables(const std::filesystem::path& path) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    std::vector<Table> tables;
    if (H5Lexists(file, "tables", H5P_DEFAULT) <= 0) return tables;
    const Handle group(H5Gopen2(file, "tables", H5P_DEFAULT), "opening /tables");
    for (const std::string& name : member_names(group)) tables.push_back(read_table(group, name));
    return tables;
  });
}

}  // namespace munisim
