# Compresses a file for installation, run at build time, optionally turning
# an scdoc source into a roff manual page first:
#   cmake -DINPUT=README.md -DOUTPUT=README.md.gz -P CompressDoc.cmake
#   cmake -DSCDOC=scdoc -DVERSION=1.2.3 -DINPUT=x.1.scd -DOUTPUT=x.1.gz -P CompressDoc.cmake
# For a page, @VERSION@ in the source becomes VERSION; scdoc takes the page's
# date from SOURCE_DATE_EPOCH when it is set. Compressed with gzip -9n, as
# Debian's policy asks (no name or time stamp: reproducible).
cmake_minimum_required(VERSION 3.18)

foreach(var INPUT OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "CompressDoc.cmake: -D${var}=... is missing")
  endif()
endforeach()
find_program(GZIP gzip REQUIRED)

set(plain "${INPUT}")
if(SCDOC)
  file(READ "${INPUT}" text)
  string(REPLACE "@VERSION@" "${VERSION}" text "${text}")
  set(source "${OUTPUT}.scd.tmp")
  set(plain "${OUTPUT}.roff.tmp")
  file(WRITE "${source}" "${text}")
  execute_process(COMMAND "${SCDOC}" INPUT_FILE "${source}" OUTPUT_FILE "${plain}"
                  RESULT_VARIABLE status ERROR_VARIABLE errors)
  file(REMOVE "${source}")
  if(NOT status EQUAL 0)
    file(REMOVE "${plain}")
    message(FATAL_ERROR "scdoc could not read ${INPUT}: ${errors}")
  endif()
  # scdoc asks for no hyphenation (.nh), but groff's man macros turn it on
  # again at every paragraph unless the HY register is 0: a hyphen added in
  # "--dura-tion" or "defaults.kind" would be copied with the text.
  file(READ "${plain}" text)
  string(REPLACE "\n.nh\n" "\n.nh\n.nr HY 0\n" text "${text}")
  file(WRITE "${plain}" "${text}")
endif()

get_filename_component(folder "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${folder}")
execute_process(COMMAND "${GZIP}" -9 -n -c "${plain}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE status)
if(SCDOC)
  file(REMOVE "${plain}")
endif()
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}")
  message(FATAL_ERROR "gzip failed on ${INPUT}")
endif()
