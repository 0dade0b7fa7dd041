# CTest splits a discovered test name at ';' (a CMake list separator) and then runs a filter matching nothing, which
# Catch reports as success: such a test case never runs. This check fails on any test case name holding one.
file(GLOB sources "${CMAKE_CURRENT_LIST_DIR}/test_*.cpp")
set(bad "")
foreach(src ${sources})
  file(STRINGS "${src}" lines REGEX "TEST_CASE\\(\"[^\"]*;")
  foreach(line ${lines})
    get_filename_component(name "${src}" NAME)
    string(APPEND bad "\n  ${name}: ${line}")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test case names with ';' never run under ctest:${bad}")
endif()
