// The web viewer's HTTP server: loopback only, read-only, the page's own files and the API of
// viewer_runs.hpp, nothing else (docs/viewer.md lists the routes).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <vector>

#include "sim/viewer/viewer_runs.hpp"

namespace munisim::viewer {

struct ServeOptions {
  std::filesystem::path web_dir;  // the page: index.html and its modules
  int port = 0;                   // 0: a free port
};

// Binds 127.0.0.1, calls `on_listening(port)` once bound, and serves until `stop` turns true.
// InputError when the port cannot be bound.
void serve(const std::vector<Run>& runs, const ServeOptions& options, const std::atomic<bool>& stop,
           const std::function<void(int port)>& on_listening);

// The folder of the page: MUNISIM_WEB_DIR, else share/munisim/web next to the installed
// executable, else the source tree's viz/web. InputError when none holds index.html.
[[nodiscard]] std::filesystem::path find_web_dir(const std::filesystem::path& executable);

}  // namespace munisim::viewer
