// The report written to disk: checked against what it must not replace, then written atomically.
#include "sim/io/atomic_file.hpp"
#include "sim/io/output_target.hpp"
#include "sim/report/html_report.hpp"
#include "sim/report/svg_map.hpp"

namespace munisim {

ReportRun load_report_run(const std::filesystem::path& path) {
  ReportRun run{path, read_output(path), {}};
  run.geometry = read_geometry(path);
  return run;
}

std::filesystem::path write_html_report(const std::filesystem::path& output, const std::filesystem::path& html,
                                        const std::filesystem::path& baseline) {
  const std::filesystem::path target = html.empty() ? std::filesystem::path(output).replace_extension(".html") : html;
  const ReportRun run = load_report_run(output);
  std::vector<InputFile> inputs{{output, "the output it reports on"}};
  std::optional<ReportRun> base;
  if (!baseline.empty()) {
    base = load_report_run(baseline);
    check_comparable(run, *base);
    inputs.push_back({baseline, "the baseline output it compares with"});
  }
  const std::string text = html_report(run, base ? &*base : nullptr);
  // Recorded as given on the command line, so it names the scenario only from the same directory.
  if (auto source = run.output.text_meta.find("scenario_source"); source != run.output.text_meta.end()) {
    inputs.push_back({source->second, "the scenario of that output"});
  }
  check_output_target({target, inputs, OutputKind::html_report, text.size()});
  write_file_atomically(target, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
  return target;
}

}  // namespace munisim
