// munisim view: reads the outputs first (bad files end here with exit 2), then serves the viewer
// on 127.0.0.1 until Ctrl-C.
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "sim/app/commands.hpp"
#include "sim/app/interrupt.hpp"
#include "sim/viewer/viewer_server.hpp"

namespace munisim::app {

int view_command(const std::vector<std::string>& outputs, int port, const std::string& executable) {
  std::vector<std::filesystem::path> paths(outputs.begin(), outputs.end());
  const std::vector<viewer::Run> runs = viewer::load_runs(paths);
  std::filesystem::path self = executable;
  std::error_code ignored;
  if (const auto link = std::filesystem::read_symlink("/proc/self/exe", ignored); !ignored) self = link;
  const viewer::ServeOptions options{.web_dir = viewer::find_web_dir(self), .port = port};
  const std::atomic<bool>& stop = install_interrupt_handler();
  viewer::serve(runs, options, stop, [](int bound) {
    std::printf("munisim viewer: http://127.0.0.1:%d/  (Ctrl-C stops it)\n", bound);
    std::fflush(stdout);
  });
  std::printf("viewer stopped\n");
  return kExitOk;
}

}  // namespace munisim::app
