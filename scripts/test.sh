#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with
# warnings as errors and runs every unit and end-to-end test through CTest;
# then builds again with AddressSanitizer (LeakSanitizer included) and
# UndefinedBehaviorSanitizer and runs the whole suite once more; then runs
# each fuzz target for a while (scripts/fuzz.sh).
#
#   MENTOR_SKIP_SANITIZERS=1   skip the sanitizer pass
#   MENTOR_SKIP_FUZZ=1         skip fuzzing
#   MENTOR_FUZZ_SECONDS=N      how long each fuzz target runs (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mentor_install_missing "${mentor_test_packages[@]}"
jobs=$(nproc)

echo "== build and test (-Werror)"
cmake -S . -B build-test -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

if [ "${MENTOR_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== build and test with AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer"
  # -Og rather than -O0: it compiles as fast (-O1 takes 35-90% longer with
  # the sanitizers) and the suite runs faster, while the sanitizers still see
  # every bad access and every undefined operation; -g1: file and line in
  # the reports, with a fraction of the debug information to write.
  # Every report is fatal: -fno-sanitize-recover=all (cmake/Sanitizers.cmake)
  # and halt_on_error; a report in an end-to-end run also fails the test
  # (tests/e2e/lib.sh).
  cmake -S . -B build-sanitize -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-Og -g1" \
    -DENABLE_SANITIZER_ADDRESS=ON -DENABLE_SANITIZER_UNDEFINED=ON >/dev/null
  cmake --build build-sanitize -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs"
fi

if [ "${MENTOR_SKIP_FUZZ:-0}" != 1 ]; then
  if command -v clang++ >/dev/null || command -v clang++-14 >/dev/null; then
    echo "== fuzz each target for ${MENTOR_FUZZ_SECONDS:-30} s (clang, libFuzzer)"
    bash scripts/fuzz.sh "${MENTOR_FUZZ_SECONDS:-30}"
  else
    echo "== fuzzing skipped: clang++ is not installed"
  fi
fi
