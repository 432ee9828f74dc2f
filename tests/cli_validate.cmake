# Runs `aligngraph validate FILE` on a file with several problems and checks that
# every one is printed, with its JSON pointer, and that the exit code is 1.
execute_process(COMMAND ${CLI} validate ${FILE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got ${rc}")
endif()
foreach(expected
    "/initiatives/0/costs/capex/1: 'A' has -5 in period 1"
    "/initiatives/1/requires/0: 'B' requires unknown initiative 'NOPE'"
    "/goals/1/parents/0/weight: link 'G1' -> 'G2' has weight 0"
    "/initiatives/1/contributes/G1: 'B' contributes 1.5 to goal 'G1'"
    "4 problems")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${expected}' in:\n${err}")
  endif()
endforeach()
