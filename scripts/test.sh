#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run). Installs what is missing,
# then two passes:
#
#   1. g++, warnings as errors, -O1 with assertions on (build-test/): the
#      whole suite, as the code ships (the Debian package test runs here);
#   2. clang with AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer,
#      every report fatal, plus libFuzzer's coverage (build-sanitize/): the
#      whole suite again, then each fuzz target for a while (scripts/fuzz.sh)
#      from the same build, so the library is compiled only twice.
#
#   MENTOR_SKIP_SANITIZERS=1   skip the second pass (and the fuzzing)
#   MENTOR_SKIP_FUZZ=1         skip only the fuzzing
#   MENTOR_FUZZ_SECONDS=N      how long each fuzz target runs (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mentor_install_missing "${mentor_test_packages[@]}"
jobs=$(nproc)

echo "== g++: build with warnings as errors and run the whole suite"
# -O1 without debug information: it compiles in two thirds of the time of
# -O2 -g, and still finds the warnings that need the optimiser's analysis.
cmake -S . -B build-test -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1" >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

if [ "${MENTOR_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== clang: AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer; the whole suite again"
  # MENTOR_FUZZ: everything built with -fsanitize=fuzzer-no-link,address,undefined
  # and -fno-sanitize-recover=all (cmake/Sanitizers.cmake), the fuzz targets
  # linked with libFuzzer. -O1 and line tables: quick to build, file and line
  # in every report. A report in an end-to-end run also fails the test
  # (tests/e2e/lib.sh), even when the test would not look at stderr.
  CXX=$(command -v clang++ || command -v clang++-14) \
    cmake -S . -B build-sanitize -DMENTOR_DEV_MODE=ON -DMENTOR_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" >/dev/null
  cmake --build build-sanitize -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs"

  if [ "${MENTOR_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzz each target for ${MENTOR_FUZZ_SECONDS:-20} s (libFuzzer, from build-sanitize/)"
    MENTOR_FUZZ_BUILD=build-sanitize bash scripts/fuzz.sh "${MENTOR_FUZZ_SECONDS:-20}"
  fi
fi
