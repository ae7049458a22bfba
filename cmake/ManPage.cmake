# Turns one scdoc source into a gzipped roff manual page, run at build time:
#   cmake -DSCDOC=... -DGZIP=... -DVERSION=... -DINPUT=x.1.scd -DOUTPUT=x.1.gz -P ManPage.cmake
# @VERSION@ in the source becomes the project's version. Compressed with
# gzip -9n as Debian's policy asks (no name or time stamp: reproducible);
# scdoc takes the page's date from SOURCE_DATE_EPOCH when it is set.
cmake_minimum_required(VERSION 3.18)

foreach(var SCDOC GZIP VERSION INPUT OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "ManPage.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(READ "${INPUT}" text)
string(REPLACE "@VERSION@" "${VERSION}" text "${text}")
set(source "${OUTPUT}.scd.tmp")
set(roff "${OUTPUT}.roff.tmp")
file(WRITE "${source}" "${text}")
execute_process(COMMAND "${SCDOC}" INPUT_FILE "${source}" OUTPUT_FILE "${roff}"
                RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  file(REMOVE "${source}" "${roff}")
  message(FATAL_ERROR "scdoc could not read ${INPUT}: ${errors}")
endif()
# scdoc asks for no hyphenation (.nh), but groff's man macros turn it on
# again at every paragraph unless the HY register is 0: a hyphen added in
# "--dura-tion" or "defaults.kind" would be copied with the text.
file(READ "${roff}" text)
string(REPLACE "\n.nh\n" "\n.nh\n.nr HY 0\n" text "${text}")
file(WRITE "${roff}" "${text}")
execute_process(COMMAND "${GZIP}" -9 -n -c "${roff}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE status)
file(REMOVE "${source}" "${roff}")
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}")
  message(FATAL_ERROR "gzip failed on the page made from ${INPUT}")
endif()
