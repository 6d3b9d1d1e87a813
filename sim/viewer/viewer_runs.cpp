#include "sim/viewer/viewer_runs.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <nlohmann/json.hpp>

#include "sim/core/error.hpp"

namespace munisim::viewer {
namespace {

static_assert(std::endian::native == std::endian::little, "the viewer's binary answers are little-endian");

using nlohmann::json;

// An HDF5 failure deep in a file that passed the header checks means a damaged file, which is bad
// input, not a defect of munisim.
template <class Read>
auto read_or_refuse(const std::filesystem::path& path, Read read) {
  try {
    return read();
  } catch (const InputError&) {
    throw;
  } catch (const Error& error) {
    throw InputError({path.string(), 0, 0}, "", std::string("is damaged: ") + error.what());
  }
}

std::string geometry_json(const std::vector<Table>& tables) {
  if (tables.empty()) return "null";
  json geometry = json::object();
  for (const Table& table : tables) {
    json columns = json::object();
    json units = json::object();
    for (const Table::NumberColumn& column : table.numbers) {
      columns[column.name] = column.values;
      units[column.name] = column.unit;
    }
    for (const Table::IntColumn& column : table.ints) columns[column.name] = column.values;
    for (const Table::TextColumn& column : table.texts) columns[column.name] = column.values;
    geometry[table.name] = {{"columns", columns}, {"units", units}};
  }
  return geometry.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string meta_text(const OutputFile& file, const std::string& key) {
  const auto found = file.text_meta.find(key);
  return found == file.text_meta.end() ? "" : found->second;
}

template <class T>
void append_column(std::string& bytes, const std::vector<T>& values) {
  static_assert(sizeof(T) == 4);
  const std::size_t start = bytes.size();
  bytes.resize(start + values.size() * 4);
  if (!values.empty()) std::memcpy(bytes.data() + start, values.data(), values.size() * 4);
}

}  // namespace

std::vector<Run> load_runs(const std::vector<std::filesystem::path>& paths) {
  std::vector<Run> runs;
  for (const std::filesystem::path& path : paths) {
    Run run{.path = path};
    run.file = read_or_refuse(path, [&] { return read_output(path); });
    run.geometry_json = read_or_refuse(path, [&] { return geometry_json(read_geometry(path)); });
    run.trace_days = read_or_refuse(path, [&] { return read_trace_days(path); });
    if (!run.trace_days.empty()) run.vehicles = read_or_refuse(path, [&] { return read_traced_vehicles(path); });
    runs.push_back(std::move(run));
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::string first = meta_text(runs[0].file, "city_name");
    const std::string other = meta_text(runs[i].file, "city_name");
    const auto districts = [](const Run& run) {
      const auto found = run.file.number_meta.find("districts");
      return found == run.file.number_meta.end() ? -1.0 : found->second;
    };
    if (first != other || districts(runs[0]) != districts(runs[i])) {
      throw InputError({runs[i].path.string(), 0, 0}, "",
                       "is a run of another city (" + other + ", " + std::to_string(static_cast<int>(districts(runs[i]))) +
                           " districts) than " + runs[0].path.string() + " (" + first + ", " +
                           std::to_string(static_cast<int>(districts(runs[0]))) +
                           " districts): only runs of the same city can be compared");
    }
  }
  return runs;
}

std::string catalogue_json(const std::vector<Run>& runs) {
  json list = json::array();
  for (const Run& run : runs) {
    const OutputFile& file = run.file;
    json meta = json::object();
    for (const auto& [key, value] : file.text_meta) meta[key] = value;
    for (const auto& [key, value] : file.number_meta) meta[key] = value;
    json series = json::array();
    for (const SeriesData& one : file.series) {
      series.push_back({{"name", one.name},
                        {"unit", one.unit},
                        {"description", one.description},
                        {"summary", one.summary},
                        {"dims", one.dims},
                        {"labels", one.labels},
                        {"shape", one.shape}});
    }
    json vehicles = {{"name", run.vehicles.name}, {"kind", run.vehicles.kind}, {"load_unit", run.vehicles.load_unit}};
    list.push_back({{"file", run.path.filename().string()},
                    {"meta", meta},
                    {"scenario", file.scenario_text},
                    {"resolved", file.resolved_yaml},
                    {"dates", file.dates},
                    {"series", series},
                    {"geometry", file.geometry_tables},
                    {"trace_days", run.trace_days},
                    {"vehicles", vehicles}});
  }
  return json{{"runs", list}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool series_bytes(const Run& run, const std::string& name, std::string& bytes, std::string& shape) {
  const auto found = std::find_if(run.file.series.begin(), run.file.series.end(),
                                  [&](const SeriesData& series) { return series.name == name; });
  if (found == run.file.series.end()) return false;
  std::vector<float> values(found->values.begin(), found->values.end());
  bytes.clear();
  append_column(bytes, values);
  shape.clear();
  for (std::size_t i = 0; i < found->shape.size(); ++i) shape += (i > 0 ? "," : "") + std::to_string(found->shape[i]);
  return true;
}

bool trace_bytes(const Run& run, int day, std::string& bytes, std::size_t& rows) {
  if (!std::binary_search(run.trace_days.begin(), run.trace_days.end(), day)) return false;
  const TraceDay traces = read_trace_day(run.path, day);
  rows = traces.vehicle.size();
  bytes.clear();
  append_column(bytes, traces.vehicle);
  append_column(bytes, traces.edge);
  append_column(bytes, traces.enter_s);
  append_column(bytes, traces.exit_s);
  append_column(bytes, traces.load);
  return true;
}

}  // namespace munisim::viewer
