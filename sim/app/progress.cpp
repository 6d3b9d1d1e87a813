#include "sim/app/progress.hpp"

#include <unistd.h>

#include <string>

namespace munisim::app {
namespace {

constexpr int kBarWidth = 30;
// Log readers want a line now and then, not one per simulated day.
constexpr auto kLineInterval = std::chrono::seconds(2);
constexpr auto kBarInterval = std::chrono::milliseconds(100);

}  // namespace

ProgressReporter::ProgressReporter(std::FILE* stream, bool quiet, std::string unit)
    : stream_(stream),
      quiet_(quiet),
      terminal_(isatty(fileno(stream)) != 0),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

void ProgressReporter::operator()(int days_done, int days_total) {
  if (quiet_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool first_or_last = days_done == 1 || days_done == days_total;
  if (!first_or_last && now - last_print_ < (terminal_ ? kBarInterval : kLineInterval)) return;
  last_print_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? days_done / elapsed : 0;
  const double eta = rate > 0 ? (days_total - days_done) / rate : 0;
  if (terminal_) {
    const int filled = days_total > 0 ? kBarWidth * days_done / days_total : kBarWidth;
    std::fprintf(stream_, "\r[%s%s] %d/%d %ss  %.3g %ss/s  ETA %.0f s ", std::string(filled, '#').c_str(),
                 std::string(kBarWidth - filled, '.').c_str(), days_done, days_total, unit_.c_str(), rate,
                 unit_.c_str(), eta);
    bar_drawn_ = true;
  } else {
    std::fprintf(stream_, "progress: %s %d/%d (%d%%), %.3g %ss/s, ETA %.0f s\n", unit_.c_str(), days_done,
                 days_total, days_total > 0 ? 100 * days_done / days_total : 100, rate, unit_.c_str(), eta);
  }
  std::fflush(stream_);
}

void ProgressReporter::finish() {
  if (bar_drawn_) std::fputc('\n', stream_);
  bar_drawn_ = false;
}

}  // namespace munisim::app
