#include <cstdio>
#include <filesystem>

#include "sim/app/commands.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/report/html_report.hpp"

namespace munisim::app {

int report_command(const std::string& output, const std::string& html) {
  const std::filesystem::path target =
      html.empty() ? std::filesystem::path(output).replace_extension(".html") : std::filesystem::path(html);
  const std::string text = html_report(read_output(output));
  write_file_atomically(target, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
  std::printf("wrote %s\n", target.c_str());
  return kExitOk;
}

}  // namespace munisim::app
