#include <cstdio>

#include "sim/app/commands.hpp"
#include "sim/report/html_report.hpp"

namespace munisim::app {

int report_command(const std::string& output, const std::string& html, const std::string& baseline) {
  std::printf("wrote %s\n", write_html_report(output, html, baseline).c_str());
  return kExitOk;
}

}  // namespace munisim::app
