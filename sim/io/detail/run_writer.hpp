// The parts of a run's output that a world's output writes the same way. Private to sim/io.
#pragma once

#include <hdf5.h>

#include <string>
#include <vector>

#include "sim/io/output.hpp"

namespace munisim {
class Parallelism;
}  // namespace munisim

namespace munisim::io_detail {

// /meta: provenance attributes, the scenario text and resolved YAML, the dates, and `meta_tables`.
void write_meta(hid_t file, const RunMeta& meta, const std::string& scenario_text, const std::string& resolved_yaml,
                const std::vector<Table>& meta_tables);
// `parent`/series: one dataset per series of `metrics`, days [0, days_run), compressed on
// `parallel`'s threads (none: on this thread).
void write_series(hid_t parent, const MetricsRegistry& metrics, int days_run, Parallelism* parallel);

}  // namespace munisim::io_detail
