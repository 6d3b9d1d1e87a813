// The report written to disk: checked against what it must not replace, then written atomically.
#include "sim/io/atomic_file.hpp"
#include "sim/io/output_target.hpp"
#include "sim/report/html_report.hpp"

namespace munisim {

std::filesystem::path write_html_report(const std::filesystem::path& output, const std::filesystem::path& html) {
  const std::filesystem::path target = html.empty() ? std::filesystem::path(output).replace_extension(".html") : html;
  const OutputFile file = read_output(output);
  const std::string text = html_report(file);
  std::vector<InputFile> inputs{{output, "the output it reports on"}};
  // Recorded as given on the command line, so it names the scenario only from the same directory.
  if (auto source = file.text_meta.find("scenario_source"); source != file.text_meta.end()) {
    inputs.push_back({source->second, "the scenario of that output"});
  }
  check_output_target({target, inputs, OutputKind::html_report, text.size()});
  write_file_atomically(target, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
  return target;
}

}  // namespace munisim
