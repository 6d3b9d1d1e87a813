// The message of the InputError a reader throws for a bad file, for tests of error messages.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "sim/core/error.hpp"

namespace munisim::testing {

// what() of the InputError `read()` throws; an empty string and a test failure when it throws none.
template <class Read>
std::string input_error_of(Read&& read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.what();
  }
  ADD_FAILURE() << "the input was read without an error";
  return {};
}

}  // namespace munisim::testing
