// Run progress on the terminal: a live bar on a TTY, plain lines in logs and pipes.
#pragma once

#include <chrono>
#include <cstdio>

namespace munisim::app {

class ProgressReporter {
 public:
  ProgressReporter(std::FILE* stream, bool quiet);
  void operator()(int days_done, int days_total);
  void finish();  // ends the bar's line

 private:
  std::FILE* stream_;
  bool quiet_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
  bool bar_drawn_ = false;
};

}  // namespace munisim::app
