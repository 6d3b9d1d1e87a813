// Runs part of a test in a forked child (to give it resource limits or signals of its own). The
// child dies with the test process and is killed when it overstays, so no test leaves one behind.
#pragma once

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace munisim::test_support {

struct ChildResult {
  bool exited = false;  // false: killed by a signal, or by us after `timeout`
  int code = -1;        // exit code when exited
  int signal = 0;       // the signal that ended it otherwise
  bool timed_out = false;
};

// `body()` runs in the child and returns its exit code; an exception gives 125. The parent waits
// at most `timeout`, then kills the child; either way the child is reaped before this returns.
template <class Body>
ChildResult run_in_child(Body body, std::chrono::seconds timeout = std::chrono::seconds(60)) {
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) return {};
  if (child == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);  // the test died before prctl took effect
    int code = 125;
    try {
      code = body();
    } catch (...) {
    }
    ::_exit(code);
  }
  ChildResult result;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      result.timed_out = true;
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  result.exited = WIFEXITED(status);
  result.code = result.exited ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return result;
}

}  // namespace munisim::test_support
