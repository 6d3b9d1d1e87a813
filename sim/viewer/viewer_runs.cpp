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
    run.file = read_output(path);
    run.geometry_json = geometry_json(read_geometry(path));
    run.trace_days = read_trace_days(path);
    if (!run.trace_days.empty()) run.vehicles = read_traced_vehicles(path);
    runs.push_back(std::move(run));
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    if (!same_city(runs[0].file, runs[i].file)) {
      throw InputError({runs[i].path.string(), 0, 0}, "",
                       "is a run of another city (" + city_description(runs[i].file) + ") than " +
                           runs[0].path.string() + " (" + city_description(runs[0].file) +
                           "): only runs of the same city can be compared");
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
