// Writes a world's output as HDF5, in memory and then atomically, like a run's output
// (sim/io/hdf5_writer.cpp). A series whose dims and labels are the same in every municipality is
// stacked into one dataset [day, municipality, ...]; any other stays per municipality.
#include <algorithm>
#include <map>
#include <optional>

#include "sim/io/atomic_file.hpp"
#include "sim/io/detail/hdf5.hpp"
#include "sim/io/detail/run_writer.hpp"
#include "sim/io/world_output.hpp"

namespace munisim {
namespace {

using namespace io_detail;

// A dataset's dims after "day" and "municipality" (when stacked): names, labels and sizes.
struct Cells {
  std::vector<std::string> dims;
  std::vector<std::vector<std::string>> labels;
  std::vector<hsize_t> shape;

  void add(const Dimension& dim) {
    dims.push_back(dim.name);
    labels.push_back(dim.labels);
    shape.push_back(dim.labels.size());
  }
};

void write_attributes(hid_t dataset, const SeriesSpec& spec, const Cells& cells) {
  write_text_attribute(dataset, "unit", spec.unit);
  write_text_attribute(dataset, "description", spec.description);
  write_text_attribute(dataset, "summary", summary_name(spec.summary));
  write_text_list_attribute(dataset, "dims", cells.dims);
  for (std::size_t i = 1; i < cells.dims.size(); ++i) {
    write_text_list_attribute(dataset, "labels_" + cells.dims[i], cells.labels[i - 1]);
  }
}

// The dims a stacked dataset keeps: every municipality has the series with the same dims and
// sizes, and each dim has the same labels everywhere or one cell (a municipality's own single
// district, say), which is squeezed out. Empty optional: the series stays per municipality.
std::optional<std::vector<std::size_t>> stacked_dims(const std::vector<const Series*>& slots) {
  if (slots.front() == nullptr) return std::nullopt;
  const std::vector<Dimension>& dims = slots.front()->spec().dims;
  std::vector<bool> same(dims.size(), true);
  for (const Series* series : slots) {
    if (series == nullptr || series->spec().dims.size() != dims.size()) return std::nullopt;
    for (std::size_t d = 0; d < dims.size(); ++d) {
      const Dimension& dim = series->spec().dims[d];
      if (dim.name != dims[d].name || dim.labels.size() != dims[d].labels.size()) return std::nullopt;
      same[d] = same[d] && dim.labels == dims[d].labels;
    }
  }
  std::vector<std::size_t> kept;
  for (std::size_t d = 0; d < same.size(); ++d) {
    if (same[d]) {
      kept.push_back(d);
    } else if (dims[d].labels.size() != 1) {
      return std::nullopt;
    }
  }
  return kept;
}

// The series of each name: stacked when every municipality has it with one shape, else listed.
// Values are read where each municipality keeps them, days [0, days_run).
void write_series(hid_t file, const WorldContent& content, Parallelism* parallel) {
  const std::vector<WorldMunicipalityOutput>& cities = content.municipalities;
  const auto days = static_cast<hsize_t>(content.meta.days_run);
  std::map<std::string, std::vector<const Series*>> by_name;  // per municipality, null when absent
  for (std::size_t m = 0; m < cities.size(); ++m) {
    for (const Series& series : cities[m].series->all()) {
      auto& slots = by_name[series.spec().name];
      slots.resize(cities.size(), nullptr);
      slots[m] = &series;
    }
  }
  std::vector<std::string> labels;
  for (const WorldMunicipalityOutput& city : cities) labels.push_back(city.label);
  const Handle group = create_group(file, "series");
  write_text_attribute(group, "day_unit", "day");
  std::map<std::string, Handle> own_groups;  // /municipalities/<label>/series, made when needed
  const Handle municipalities = create_group(file, "municipalities");
  for (const auto& [name, slots] : by_name) {
    const Series& first = *slots.front();
    if (const auto kept = stacked_dims(slots)) {
      const std::size_t cells = first.cells();
      std::vector<double> values(days * cities.size() * cells);
      for (std::size_t m = 0; m < cities.size(); ++m) {
        for (std::size_t day = 0; day < days; ++day) {
          std::copy_n(slots[m]->day(static_cast<int>(day)).begin(), cells,
                      values.begin() + static_cast<std::ptrdiff_t>((day * cities.size() + m) * cells));
        }
      }
      Cells stacked{{"day", "municipality"}, {labels}, {days, cities.size()}};
      for (const std::size_t d : *kept) stacked.add(first.spec().dims[d]);
      write_doubles(group, name, stacked.shape, values.data(), parallel,
                    [&](hid_t dataset) { write_attributes(dataset, first.spec(), stacked); });
      continue;
    }
    for (std::size_t m = 0; m < cities.size(); ++m) {
      if (slots[m] == nullptr) continue;
      auto [own, fresh] = own_groups.try_emplace(cities[m].label);
      if (fresh) {
        const Handle city = create_group(municipalities, cities[m].label);
        own->second = create_group(city, "series");
      }
      const Series& series = *slots[m];
      Cells own_cells{{"day"}, {}, {days}};
      for (const Dimension& dim : series.spec().dims) own_cells.add(dim);
      write_doubles(own->second, name, own_cells.shape, series.values().data(), parallel,
                    [&](hid_t dataset) { write_attributes(dataset, series.spec(), own_cells); });
    }
  }
}

}  // namespace

void write_world_output(const std::filesystem::path& path, const WorldContent& content, Parallelism* parallel) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  write_file_atomically(path, file_image([&](hid_t file) {
                          write_meta(file, content.meta, content.scenario_text, content.resolved_yaml,
                                     content.meta_tables);
                          write_series(file, content, parallel);
                          if (content.nation != nullptr) {
                            const Handle nation = create_group(file, "nation");
                            io_detail::write_series(nation, *content.nation, content.meta.days_run, parallel);
                          }
                        }));
}

bool is_world_output(const std::filesystem::path& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  try {
    const Handle file = open_output(path);
    const Handle meta(H5Gopen2(file, "meta", H5P_DEFAULT), "opening /meta");
    return has_attribute(meta, "kind") && read_text_attribute(meta, "kind") == kWorldOutputKind;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace munisim
