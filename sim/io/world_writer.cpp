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

void write_attributes(hid_t dataset, const SeriesData& series, const std::vector<std::string>& dims,
                      const std::vector<std::vector<std::string>>& labels) {
  write_text_attribute(dataset, "unit", series.unit);
  write_text_attribute(dataset, "description", series.description);
  write_text_attribute(dataset, "summary", series.summary);
  write_text_list_attribute(dataset, "dims", dims);
  for (std::size_t i = 1; i < dims.size(); ++i) write_text_list_attribute(dataset, "labels_" + dims[i], labels[i - 1]);
}

// The dims (after "day") a stacked dataset keeps: every municipality has the series with the same
// dims and shape, and each dim has the same labels everywhere or one cell (a municipality's own single
// district, say), which is squeezed out. Empty optional: the series stays per municipality.
std::optional<std::vector<std::size_t>> stacked_dims(const std::vector<const SeriesData*>& slots) {
  const SeriesData* first = slots.front();
  if (first == nullptr) return std::nullopt;
  std::vector<bool> same(first->labels.size(), true);
  for (const SeriesData* series : slots) {
    if (series == nullptr || series->dims != first->dims || series->shape.size() != first->shape.size() ||
        !std::equal(series->shape.begin() + 1, series->shape.end(), first->shape.begin() + 1)) {
      return std::nullopt;
    }
    for (std::size_t d = 0; d < same.size(); ++d) same[d] = same[d] && series->labels[d] == first->labels[d];
  }
  std::vector<std::size_t> kept;
  for (std::size_t d = 0; d < same.size(); ++d) {
    if (same[d]) {
      kept.push_back(d);
    } else if (first->labels[d].size() != 1) {
      return std::nullopt;
    }
  }
  return kept;
}

// The series of each name: stacked when every municipality has it with one shape, else listed.
void write_series(hid_t file, const WorldContent& content, Parallelism* parallel) {
  const std::vector<WorldMunicipalityOutput>& cities = content.municipalities;
  std::map<std::string, std::vector<const SeriesData*>> by_name;  // per municipality, null when absent
  for (std::size_t m = 0; m < cities.size(); ++m) {
    for (const SeriesData& series : cities[m].series) {
      auto& slots = by_name[series.name];
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
    const SeriesData* first = slots.front();
    if (const auto kept = stacked_dims(slots)) {
      const std::size_t days = first->shape.front(), cells = first->values.size() / std::max<std::size_t>(1, days);
      std::vector<double> values(days * cities.size() * cells);
      for (std::size_t m = 0; m < cities.size(); ++m) {
        for (std::size_t day = 0; day < days; ++day) {
          std::copy_n(slots[m]->values.begin() + static_cast<std::ptrdiff_t>(day * cells), cells,
                      values.begin() + static_cast<std::ptrdiff_t>((day * cities.size() + m) * cells));
        }
      }
      std::vector<hsize_t> shape{days, cities.size()};
      std::vector<std::string> dims{"day", "municipality"};
      std::vector<std::vector<std::string>> dim_labels{labels};
      for (const std::size_t d : *kept) {
        shape.push_back(first->shape[d + 1]);
        dims.push_back(first->dims[d + 1]);
        dim_labels.push_back(first->labels[d]);
      }
      write_doubles(group, name, shape, values.data(), parallel,
                    [&](hid_t dataset) { write_attributes(dataset, *first, dims, dim_labels); });
      continue;
    }
    for (std::size_t m = 0; m < cities.size(); ++m) {
      if (slots[m] == nullptr) continue;
      auto [own, fresh] = own_groups.try_emplace(cities[m].label);
      if (fresh) {
        const Handle city = create_group(municipalities, cities[m].label);
        own->second = create_group(city, "series");
      }
      const SeriesData& series = *slots[m];
      const std::vector<hsize_t> shape(series.shape.begin(), series.shape.end());
      write_doubles(own->second, name, shape, series.values.data(), parallel,
                    [&](hid_t dataset) { write_attributes(dataset, series, series.dims, series.labels); });
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
