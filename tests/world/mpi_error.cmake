# An error on any rank of a world under mpirun ends every rank with the error's exit code and
# message, instead of leaving the other ranks waiting at their next collective (or, before this,
# Boost.MPI aborting with code -1 before the message was printed).
#  - only rank 0 fails: it alone checks the output path, here an existing text file;
#  - every rank fails: an unknown key given with --set.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/notes.txt" "a user's notes, not an HDF5 file\n")

function(expect_bad_input name expected)
  execute_process(COMMAND "${MPIRUN}" --allow-run-as-root --oversubscribe -n 2 "${MUNISIM}" run "${WORLD}"
                          --threads 1 --quiet ${ARGN}
                  RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 120)
  if(NOT result EQUAL 2)
    message(FATAL_ERROR "${name}: mpirun -n 2 exited with '${result}', expected 2 (bad input); stderr:\n${errors}")
  endif()
  string(FIND "${errors}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "${name}: stderr lacks '${expected}':\n${errors}")
  endif()
endfunction()

expect_bad_input("output refused on rank 0" "exists and is not an HDF5 file" --out "${WORK}/notes.txt")
file(READ "${WORK}/notes.txt" notes)
if(NOT notes STREQUAL "a user's notes, not an HDF5 file\n")
  message(FATAL_ERROR "the refused output path was changed")
endif()
expect_bad_input("unknown key on every rank" "unknown key 'bogus'" --out "${WORK}/world.h5" --set nation.bogus=1)
if(EXISTS "${WORK}/world.h5")
  message(FATAL_ERROR "a failed world left an output")
endif()
file(REMOVE_RECURSE "${WORK}")
