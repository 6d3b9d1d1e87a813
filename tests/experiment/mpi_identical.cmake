# Runs tiny-experiment.yaml as one process and as two MPI ranks and requires identical files.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${MUNISIM}" experiment "${SPEC}" --out "${WORK}/one.h5" --jobs 1 --threads 1 --quiet
                RESULT_VARIABLE one_result)
if(NOT one_result EQUAL 0)
  message(FATAL_ERROR "one process failed: ${one_result}")
endif()
execute_process(COMMAND "${MPIRUN}" --allow-run-as-root --oversubscribe -n 2 "${MUNISIM}" experiment "${SPEC}"
                        --out "${WORK}/two.h5" --jobs 1 --threads 1 --quiet
                RESULT_VARIABLE two_result TIMEOUT 600)
if(NOT two_result EQUAL 0)
  message(FATAL_ERROR "mpirun -n 2 failed: ${two_result}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/one.h5" "${WORK}/two.h5" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "the file of two ranks differs from the file of one process")
endif()
file(REMOVE_RECURSE "${WORK}")
