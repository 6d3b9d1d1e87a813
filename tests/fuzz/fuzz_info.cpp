// libFuzzer target: any bytes as an output file, read and printed by the code of `munisim info`.
// A file that is not a readable munisim output must end in InputError (exit 2), never a crash,
// a hang or an allocation sized by the file's claims.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim/app/commands.hpp"
#include "sim/core/error.hpp"
#include "tests/fuzz/fuzz_expect.hpp"

namespace {

// One scratch file per process, rewritten for every input.
const std::string& scratch_path() {
  static const std::string path = [] {
    std::string name = (std::getenv("TMPDIR") != nullptr ? std::string(std::getenv("TMPDIR")) : "/tmp") +
                       "/munisim-fuzz-info-XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) std::abort();
    ::close(fd);
    std::atexit([] { ::unlink(scratch_path().c_str()); });
    return name;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(scratch_path().c_str(), "wb");
  munisim::fuzz::expect(file != nullptr && std::fwrite(data, 1, size, file) == size && std::fclose(file) == 0,
                        "the input is written to the scratch file");
  try {
    munisim::fuzz::expect(munisim::app::info_command(scratch_path()) == munisim::app::kExitOk,
                          "a readable output is described with exit 0");
  } catch (const munisim::InputError&) {
    // An unreadable file is bad input: exit 2, as munisim info ends.
  } catch (const std::exception& error) {
    munisim::fuzz::expect(false, std::string("an unreadable output ends in InputError, not: ") + error.what());
  }
  return 0;
}
