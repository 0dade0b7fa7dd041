# Rebuilds the seed corpus of one fuzz target in the build dir: cmake -DFUZZ_TARGET=NAME -DSOURCE_DIR=REPO
# -DSHARED_DIR=../shared/corpus -DOUT=DIR [-DARTIFACTS=DIR] -P seed_corpus.cmake
# Starts from nothing each time, so a bounded run never grows a corpus between test runs and never writes
# into the repo or the shared corpus. A missing shared corpus only shrinks the seeds.
cmake_minimum_required(VERSION 3.24)   # the project's policies: without CMP0054 a quoted "json_lines" below reads a variable

file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
if(ARTIFACTS)
  file(MAKE_DIRECTORY ${ARTIFACTS})
endif()
if(NOT EXISTS ${SHARED_DIR})
  message(WARNING "no shared corpus at ${SHARED_DIR}: seeding ${FUZZ_TARGET} from the repo only")
endif()

set(hand_written ${SOURCE_DIR}/tests/fuzz/seeds/${FUZZ_TARGET}/*)
set(jsontestsuite ${SHARED_DIR}/jsontestsuite/test_parsing/* ${SHARED_DIR}/jsontestsuite/test_transform/*)
set(log_lines ${SHARED_DIR}/genui-samples/a2ui/*.jsonl ${SHARED_DIR}/genui-samples/prompts.jsonl
               ${SHARED_DIR}/ideas-dev/ideas.jsonl)

if(FUZZ_TARGET STREQUAL "spec_loader")
  set(patterns ${SOURCE_DIR}/samples/*.json ${SOURCE_DIR}/specs/*.json ${jsontestsuite})
elseif(FUZZ_TARGET STREQUAL "lenient_json")
  set(patterns ${SOURCE_DIR}/samples/*.json ${jsontestsuite} ${SHARED_DIR}/genui-samples/a2ui/*.jsonl ${hand_written})
elseif(FUZZ_TARGET STREQUAL "json_lines")
  set(patterns ${log_lines} ${hand_written})
elseif(FUZZ_TARGET STREQUAL "expr")
  # Every string of the samples that holds a template: one seed each.
  set(patterns ${hand_written})
  file(GLOB samples ${SOURCE_DIR}/samples/*.json)
  foreach(sample ${samples})
    file(READ ${sample} text)
    string(REGEX MATCHALL "\"[^\"]*\\$\\{[^\"]*\"" templates "${text}")
    foreach(quoted ${templates})
      string(REGEX REPLACE "^\"(.*)\"$" "\\1" template "${quoted}")
      string(SHA1 name "${template}")
      file(WRITE ${OUT}/${name} "${template}")
    endforeach()
  endforeach()
else()
  set(patterns ${hand_written})
endif()

file(GLOB seeds ${patterns})
foreach(seed ${seeds})
  get_filename_component(name ${seed} NAME)
  get_filename_component(folder ${seed} DIRECTORY)
  get_filename_component(folder ${folder} NAME)
  configure_file(${seed} ${OUT}/${folder}-${name} COPYONLY)   # folder prefix: test_parsing/x and test_transform/x differ
endforeach()
file(GLOB written ${OUT}/*)
list(LENGTH written count)
message(STATUS "${FUZZ_TARGET}: ${count} seeds in ${OUT}")
