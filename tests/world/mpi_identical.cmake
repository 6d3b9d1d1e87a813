# Runs tiny-world.yaml as one process and as two MPI ranks and requires the same series and nation
# series (the files differ in wall times and in /meta's ranks).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${MUNISIM}" run "${WORLD}" --out "${WORK}/one.h5" --threads 1 --quiet RESULT_VARIABLE one_result)
if(NOT one_result EQUAL 0)
  message(FATAL_ERROR "one process failed: ${one_result}")
endif()
execute_process(COMMAND "${MPIRUN}" --allow-run-as-root --oversubscribe -n 2 "${MUNISIM}" run "${WORLD}"
                        --out "${WORK}/two.h5" --threads 1 --quiet
                RESULT_VARIABLE two_result TIMEOUT 600)
if(NOT two_result EQUAL 0)
  message(FATAL_ERROR "mpirun -n 2 failed: ${two_result}")
endif()
foreach(group /series /municipalities /nation)
  execute_process(COMMAND "${H5DIFF}" "${WORK}/one.h5" "${WORK}/two.h5" ${group} ${group} RESULT_VARIABLE differ
                  OUTPUT_VARIABLE report)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "${group} of two ranks differs from one process:\n${report}")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
