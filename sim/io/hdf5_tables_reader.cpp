// Reads the tables of /geometry and the vehicle traces of /events (layout: docs/output-format.md).
#include <algorithm>
#include <charconv>
#include <string>

#include "sim/core/error.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

H5T_class_t column_class(hid_t group, const std::string& name) {
  const Handle dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), "opening " + name);
  const Handle type(H5Dget_type(dataset), "reading the type of " + name);
  return H5Tget_class(type);
}

}  // namespace

Table io_detail::read_table(hid_t parent, const std::string& name) {
  const Handle group(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening table " + name);
  Table table{.name = name};
  for (const std::string& column : member_names(group)) {
    switch (column_class(group, column)) {
      case H5T_STRING:
        table.texts.push_back({column, read_text_list(group, column)});
        break;
      case H5T_INTEGER:
        table.ints.push_back({column, read_column<std::int64_t>(group, column, H5T_NATIVE_INT64)});
        break;
      default: {
        const Handle dataset(H5Dopen2(group, column.c_str(), H5P_DEFAULT), "opening " + column);
        const std::string unit = has_attribute(dataset, "unit") ? read_text_attribute(dataset, "unit") : "";
        table.numbers.push_back({column, unit, read_column<double>(group, column, H5T_NATIVE_DOUBLE)});
      }
    }
  }
  return table;
}

namespace {

std::string day_group(int day) { return "day_" + std::to_string(day); }

}  // namespace

std::vector<Table> io_detail::read_tables_under(const std::filesystem::path& path, const std::string& group_name) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    std::vector<Table> tables;
    if (H5Lexists(file, group_name.c_str(), H5P_DEFAULT) <= 0) return tables;
    const Handle group(H5Gopen2(file, group_name.c_str(), H5P_DEFAULT), "opening /" + group_name);
    for (const std::string& name : member_names(group)) tables.push_back(read_table(group, name));
    return tables;
  });
}

std::vector<Table> read_geometry(const std::filesystem::path& path) { return read_tables_under(path, "geometry"); }

std::vector<int> read_trace_days(const std::filesystem::path& path) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    std::vector<int> days;
    if (H5Lexists(file, "events", H5P_DEFAULT) <= 0) return days;
    const Handle events(H5Gopen2(file, "events", H5P_DEFAULT), "opening /events");
    for (const std::string& name : member_names(events)) {
      if (name.rfind("day_", 0) != 0) continue;
      int day = 0;
      const char* end = name.data() + name.size();
      const auto [stop, problem] = std::from_chars(name.data() + 4, end, day);
      if (problem != std::errc() || stop != end) throw InputError("has a trace group /events/" + name + " that names no day");
      days.push_back(day);
    }
    std::sort(days.begin(), days.end());
    return days;
  });
}

TracedVehicles read_traced_vehicles(const std::filesystem::path& path) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    TracedVehicles vehicles;
    if (H5Lexists(file, "events", H5P_DEFAULT) <= 0) return vehicles;
    const Handle group(H5Gopen2(file, "events/vehicles", H5P_DEFAULT), "opening /events/vehicles");
    vehicles.name = read_text_list(group, "name");
    vehicles.kind = read_text_list(group, "kind");
    vehicles.load_unit = read_text_list(group, "load_unit");
    return vehicles;
  });
}

TraceDay read_trace_day(const std::filesystem::path& path, int day) {
  return read_as_input(path, [&] {
    const Handle file = open_output(path);
    const std::string name = "events/" + day_group(day);
    if (H5Lexists(file, "events", H5P_DEFAULT) <= 0 || H5Lexists(file, name.c_str(), H5P_DEFAULT) <= 0) {
      throw InputError({path.string(), 0, 0}, "events", "has no traces for day " + std::to_string(day));
    }
    const Handle group(H5Gopen2(file, name.c_str(), H5P_DEFAULT), "opening /" + name);
    TraceDay traces{.day = day};
    traces.vehicle = read_column<std::int32_t>(group, "vehicle", H5T_NATIVE_INT32);
    traces.edge = read_column<std::int32_t>(group, "edge", H5T_NATIVE_INT32);
    traces.enter_s = read_column<float>(group, "enter_s", H5T_NATIVE_FLOAT);
    traces.exit_s = read_column<float>(group, "exit_s", H5T_NATIVE_FLOAT);
    traces.load = read_column<float>(group, "load", H5T_NATIVE_FLOAT);
    return traces;
  });
}

}  // namespace munisim
