// Run progress on the terminal: a live bar on a TTY, plain lines in logs and pipes.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace munisim::app {

class ProgressReporter {
 public:
  // Counts `unit` ("day" of a run, "run" of an experiment); the plural adds an s.
  ProgressReporter(std::FILE* stream, bool quiet, std::string unit = "day");
  void operator()(int done, int total);
  void finish();  // ends the bar's line

 private:
  std::FILE* stream_;
  bool quiet_;
  bool terminal_;
  std::string unit_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
  bool bar_drawn_ = false;
};

}  // namespace munisim::app
