# Version and `git describe` baked into the library so every output records what produced it.
find_package(Git QUIET)
set(MUNISIM_GIT_DESCRIBE "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE MUNISIM_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET)
  if(NOT MUNISIM_GIT_DESCRIBE)
    set(MUNISIM_GIT_DESCRIBE "unknown")
  endif()
endif()
configure_file("${PROJECT_SOURCE_DIR}/sim/core/version.hpp.in"
               "${PROJECT_BINARY_DIR}/generated/munisim/version.hpp" @ONLY)
