#include "sim/viewer/viewer_server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "sim/core/error.hpp"

namespace munisim::viewer {
namespace {

// Only these extensions are served, each with its type; anything else is 404.
const std::map<std::string, std::string>& content_types() {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"}};
  return types;
}

// The page's files are a flat list read at start; a request names one of them or nothing, so no
// path can climb out of the folder.
std::map<std::string, std::pair<std::string, std::string>> page_files(const std::filesystem::path& web_dir) {
  std::map<std::string, std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(web_dir)) {
    if (!entry.is_regular_file()) continue;
    const auto type = content_types().find(entry.path().extension().string());
    if (type == content_types().end()) continue;
    std::ifstream stream(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    files["/" + std::filesystem::relative(entry.path(), web_dir).generic_string()] = {text.str(), type->second};
  }
  files["/"] = files["/index.html"];
  return files;
}

int run_index(const httplib::Request& request, std::size_t runs) {
  const std::string text = request.has_param("run") ? request.get_param_value("run") : "0";
  if (text == "0") return 0;
  if (text == "1" && runs > 1) return 1;
  return -1;
}

void not_found(httplib::Response& response, const std::string& what) {
  response.status = 404;
  response.set_content(what + "\n", "text/plain; charset=utf-8");
}

// With the charset named, the HTTP library leaves JSON uncompressed: on loopback compression only
// costs time (brotli of a city's 2 MB geometry takes seconds on a busy 2-core machine).
constexpr const char* kJson = "application/json; charset=utf-8";

void add_routes(httplib::Server& server, const std::vector<Run>& runs,
                const std::map<std::string, std::pair<std::string, std::string>>& files) {
  const std::string catalogue = catalogue_json(runs);
  server.Get("/api/catalogue", [catalogue](const httplib::Request&, httplib::Response& response) {
    response.set_content(catalogue, kJson);
  });
  server.Get("/api/geometry", [&runs](const httplib::Request& request, httplib::Response& response) {
    const int run = run_index(request, runs.size());
    if (run < 0) return not_found(response, "no such run");
    response.set_content(runs[static_cast<std::size_t>(run)].geometry_json, kJson);
  });
  server.Get("/api/series", [&runs](const httplib::Request& request, httplib::Response& response) {
    const int run = run_index(request, runs.size());
    std::string bytes, shape;
    if (run < 0 || !series_bytes(runs[static_cast<std::size_t>(run)], request.get_param_value("name"), bytes, shape)) {
      return not_found(response, "no such series");
    }
    response.set_header("X-Munisim-Shape", shape);
    response.set_content(bytes, "application/octet-stream");
  });
  server.Get("/api/traces", [&runs](const httplib::Request& request, httplib::Response& response) {
    const int run = run_index(request, runs.size());
    std::string bytes;
    std::size_t rows = 0;
    const std::string day = request.get_param_value("day");
    if (run < 0 || day.empty() || day.find_first_not_of("0123456789") != std::string::npos || day.size() > 6 ||
        !trace_bytes(runs[static_cast<std::size_t>(run)], std::stoi(day), bytes, rows)) {
      return not_found(response, "no traces for that day");
    }
    response.set_header("X-Munisim-Rows", std::to_string(rows));
    response.set_content(bytes, "application/octet-stream");
  });
  server.Get(R"(/.*)", [&files](const httplib::Request& request, httplib::Response& response) {
    const auto found = files.find(request.path);
    if (found == files.end()) return not_found(response, "not found");
    response.set_content(found->second.first, found->second.second.c_str());
  });
  // Only GET exists; the server never writes anything.
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'");
  });
}

bool has_page(const std::filesystem::path& dir) { return std::filesystem::is_regular_file(dir / "index.html"); }

}  // namespace

std::filesystem::path find_web_dir(const std::filesystem::path& executable) {
  if (const char* chosen = std::getenv("MUNISIM_WEB_DIR"); chosen != nullptr && *chosen != '\0') {
    if (has_page(chosen)) return chosen;
    throw InputError({}, "MUNISIM_WEB_DIR", std::string(chosen) + " holds no index.html of the viewer");
  }
  const std::filesystem::path installed = executable.parent_path() / ".." / "share" / "munisim" / "web";
  if (has_page(installed)) return std::filesystem::weakly_canonical(installed);
  if (has_page(MUNISIM_WEB_SOURCE_DIR)) return MUNISIM_WEB_SOURCE_DIR;
  throw InputError({}, "", "the viewer's page is not installed (looked in " + installed.string() + " and " +
                               MUNISIM_WEB_SOURCE_DIR + "); set MUNISIM_WEB_DIR to its folder");
}

void serve(const std::vector<Run>& runs, const ServeOptions& options, const std::atomic<bool>& stop,
           const std::function<void(int port)>& on_listening) {
  const auto files = page_files(options.web_dir);
  httplib::Server server;
  add_routes(server, runs, files);
  server.Post(R"(/.*)", [](const httplib::Request&, httplib::Response& response) { response.status = 405; });
  const int port = options.port == 0 ? server.bind_to_any_port("127.0.0.1") :
                   server.bind_to_port("127.0.0.1", options.port) ? options.port : -1;
  if (port < 0) {
    throw InputError({}, "--port", "cannot listen on 127.0.0.1:" + std::to_string(options.port) + " (in use?)");
  }
  // A stop asked for before the server runs must still end it, so the watcher keeps asking.
  std::atomic<bool> listening_ended{false};
  std::thread watcher([&] {
    while (!stop.load() && !listening_ended.load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    while (!listening_ended.load()) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  on_listening(port);
  server.listen_after_bind();
  listening_ended.store(true);
  watcher.join();
}

}  // namespace munisim::viewer
